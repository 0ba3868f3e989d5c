import { exactFromFen } from '../exact-from-fen.js';
import { MoneyError } from '../money-error.js';

describe('exactFromFen', () => {
  it('holds an amount of fen exactly', () => {
    expect(exactFromFen(1234)).toEqual({ numerator: 1234n, denominator: 1n });
  });

  it('refuses a fraction of a fen', () => {
    expect(() => exactFromFen(12.5, 'loanFen')).toThrow(MoneyError);
  });
});
