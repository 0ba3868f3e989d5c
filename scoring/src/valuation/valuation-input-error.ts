/**
 * A request, stress input or configuration that cannot be valued. `field` is the path of the
 * first failing field (e.g. `areaHa`, `thinnings[0].ageYears`), so an API can answer
 * HTTP 400 { code, message, field }.
 */
export class ValuationInputError extends Error {
  readonly code = 'VALUATION_INPUT_INVALID';
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
    this.name = 'ValuationInputError';
  }

  toJSON(): { code: string; message: string; field: string } {
    return { code: this.code, message: this.message, field: this.field };
  }
}
