import { assertFen } from '../assert-fen.js';
import { MoneyError } from '../money-error.js';

describe('assertFen', () => {
  it('accepts safe integers of fen, negative ones included', () => {
    expect(() => assertFen(0)).not.toThrow();
    expect(() => assertFen(-Number.MAX_SAFE_INTEGER)).not.toThrow();
  });

  it('rejects fractions, text and numbers beyond 2^53 − 1, naming the field', () => {
    expect(() => assertFen(1.5)).toThrow(MoneyError);
    expect(() => assertFen('100', 'loanFen')).toThrow('loanFen must be a safe integer number of fen, got 100');
    expect(() => assertFen(Number.MAX_SAFE_INTEGER + 1)).toThrow(expect.objectContaining({ code: 'MONEY_INVALID', field: 'amountFen' }));
  });
});
