import { MoneyError } from '../money-error.js';
import { subtractFen } from '../subtract-fen.js';

describe('subtractFen', () => {
  it('subtracts: 150 − 250 = −100 fen', () => {
    expect(subtractFen(150, 250)).toBe(-100);
  });

  it('refuses a difference beyond the safe integer range', () => {
    expect(() => subtractFen(-Number.MAX_SAFE_INTEGER, 1)).toThrow(MoneyError);
  });
});
