/**
 * The shape every area's input error shares: a stable machine code and the path of the first
 * failing field (e.g. `termMonths`, `pledges[1].maxLoanFen`), so an API can answer
 * HTTP 400 { code, message, field }. Each area names its own subclass and code.
 */
export abstract class ScoringInputError extends Error {
  abstract readonly code: string;

  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
    this.name = new.target.name;
  }

  toJSON(): { code: string; message: string; field: string } {
    return { code: this.code, message: this.message, field: this.field };
  }
}
