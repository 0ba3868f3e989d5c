/** An order book input the matching cannot use (negative or fractional quantities, a zero lot…). */
export class TradingInputError extends Error {
  constructor(message: string, readonly field: string) {
    super(message);
    this.name = 'TradingInputError';
  }
}
