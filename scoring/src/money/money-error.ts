/** A money operation was given, or would produce, something that is not a safe amount of fen. */
export class MoneyError extends Error {
  readonly code = 'MONEY_INVALID';
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'MoneyError';
  }
}
