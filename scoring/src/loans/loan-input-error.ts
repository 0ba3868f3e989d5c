import { ScoringInputError } from '../input-error.js';

/**
 * A loan request, state, payment or configuration that cannot be used. `field` is the path of the
 * first failing field (e.g. `termMonths`, `pledges[1].maxLoanFen`), so an API can answer
 * HTTP 400 { code, message, field }.
 */
export class LoanInputError extends ScoringInputError {
  readonly code = 'LOAN_INPUT_INVALID';
}
