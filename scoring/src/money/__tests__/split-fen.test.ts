import { MoneyError } from '../money-error.js';
import { splitFen } from '../split-fen.js';

describe('splitFen', () => {
  it('splits into near-equal shares that add up: 100 in 3 → 34, 33, 33', () => {
    expect(splitFen(100, 3)).toEqual([34, 33, 33]);
  });

  it('needs at least one whole part', () => {
    expect(() => splitFen(100, 0)).toThrow(MoneyError);
    expect(() => splitFen(100, 1.5)).toThrow(MoneyError);
  });
});
