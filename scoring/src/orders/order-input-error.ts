import { ScoringInputError } from '../input-error.js';

/** A product-order valuation input or configuration that cannot be used; `field` names the first failing field (HTTP 400). */
export class OrderInputError extends ScoringInputError {
  readonly code = 'ORDER_INPUT_INVALID';
}
