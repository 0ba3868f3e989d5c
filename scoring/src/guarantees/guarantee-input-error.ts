import { ScoringInputError } from '../input-error.js';

/**
 * A guarantee input or configuration that cannot be used. `field` names the first failing field,
 * so an API can answer HTTP 400 { code, message, field }.
 */
export class GuaranteeInputError extends ScoringInputError {
  readonly code = 'GUARANTEE_INPUT_INVALID';
}
