import { ScoringInputError } from '../input-error.js';

/** A securitisation input or configuration that cannot be used; `field` names the first failing field (HTTP 400). */
export class SecuritisationInputError extends ScoringInputError {
  readonly code = 'SECURITISATION_INPUT_INVALID';
}
