import { addFen } from '../add-fen.js';
import { MoneyError } from '../money-error.js';

describe('addFen', () => {
  it('adds two amounts: 150 + 250 = 400 fen', () => {
    expect(addFen(150, 250)).toBe(400);
  });

  it('refuses a sum beyond the safe integer range and non-integer operands', () => {
    expect(() => addFen(Number.MAX_SAFE_INTEGER, 1)).toThrow('sum 9007199254740992 fen exceeds the safe integer range');
    expect(() => addFen(0.5, 1)).toThrow(MoneyError);
  });
});
