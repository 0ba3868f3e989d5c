import { ScoringInputError } from '../input-error.js';

/**
 * GEP accounting input or configuration that cannot be used. `field` names the first failing
 * field, so an API can answer HTTP 400 { code, message, field }.
 */
export class GepInputError extends ScoringInputError {
  readonly code = 'GEP_INPUT_INVALID';
}
