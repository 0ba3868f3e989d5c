/**
 * A loan request, state, payment or configuration that cannot be used. `field` is the path of the
 * first failing field (e.g. `termMonths`, `pledges[1].maxLoanFen`), so an API can answer
 * HTTP 400 { code, message, field }.
 */
export class LoanInputError extends Error {
  readonly code = 'LOAN_INPUT_INVALID';
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
    this.name = 'LoanInputError';
  }

  toJSON(): { code: string; message: string; field: string } {
    return { code: this.code, message: this.message, field: this.field };
  }
}
