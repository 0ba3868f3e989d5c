/**
 * GEP accounting input or configuration that cannot be used. `field` names the first failing
 * field, so an API can answer HTTP 400 { code, message, field }.
 */
export class GepInputError extends Error {
  readonly code = 'GEP_INPUT_INVALID';
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
    this.name = 'GepInputError';
  }

  toJSON(): { code: string; message: string; field: string } {
    return { code: this.code, message: this.message, field: this.field };
  }
}
