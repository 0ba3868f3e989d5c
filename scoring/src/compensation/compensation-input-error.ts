/**
 * Compensation terms or monitoring input that cannot be used. `field` names the first failing field,
 * so an API can answer HTTP 400 { code, message, field }.
 */
export class CompensationInputError extends Error {
  readonly code = 'COMPENSATION_INPUT_INVALID';
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
    this.name = 'CompensationInputError';
  }

  toJSON(): { code: string; message: string; field: string } {
    return { code: this.code, message: this.message, field: this.field };
  }
}
