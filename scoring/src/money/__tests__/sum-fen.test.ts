import { MoneyError } from '../money-error.js';
import { sumFen } from '../sum-fen.js';

describe('sumFen', () => {
  it('adds many amounts, 0 for none', () => {
    expect(sumFen([1, 2, 3])).toBe(6);
    expect(sumFen([])).toBe(0);
  });

  it('only requires the total to be safe: MAX + 1 − 2 = MAX − 1', () => {
    expect(sumFen([Number.MAX_SAFE_INTEGER, 1, -2])).toBe(Number.MAX_SAFE_INTEGER - 1);
  });

  it('names the bad element', () => {
    expect(() => sumFen([1, 2.5])).toThrow(expect.objectContaining({ field: 'amounts[1]' }));
    expect(() => sumFen([Number.MAX_SAFE_INTEGER, 1])).toThrow(MoneyError);
  });
});
