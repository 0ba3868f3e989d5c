/** A securitisation input or configuration that cannot be used; `field` names the first failing field (HTTP 400). */
export class SecuritisationInputError extends Error {
  readonly code = 'SECURITISATION_INPUT_INVALID';
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
    this.name = 'SecuritisationInputError';
  }

  toJSON(): { code: string; message: string; field: string } {
    return { code: this.code, message: this.message, field: this.field };
  }
}
