import { ScoringInputError } from '../input-error.js';

/**
 * A request, stress input or configuration that cannot be valued. `field` is the path of the
 * first failing field (e.g. `areaHa`, `thinnings[0].ageYears`), so an API can answer
 * HTTP 400 { code, message, field }.
 */
export class ValuationInputError extends ScoringInputError {
  readonly code = 'VALUATION_INPUT_INVALID';
}
