import { ScoringInputError } from '../input-error.js';

/**
 * Compensation terms or monitoring input that cannot be used. `field` names the first failing field,
 * so an API can answer HTTP 400 { code, message, field }.
 */
export class CompensationInputError extends ScoringInputError {
  readonly code = 'COMPENSATION_INPUT_INVALID';
}
