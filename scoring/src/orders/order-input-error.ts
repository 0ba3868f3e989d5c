/** A product-order valuation input or configuration that cannot be used; `field` names the first failing field (HTTP 400). */
export class OrderInputError extends Error {
  readonly code = 'ORDER_INPUT_INVALID';
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
    this.name = 'OrderInputError';
  }

  toJSON(): { code: string; message: string; field: string } {
    return { code: this.code, message: this.message, field: this.field };
  }
}
