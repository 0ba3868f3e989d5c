import fc from 'fast-check';
import { allocateFen } from '../allocate-fen.js';
import { MoneyError } from '../money-error.js';
import { sumFen } from '../sum-fen.js';

describe('allocateFen', () => {
  it('hands the leftover fen one by one to the first shares', () => {
    expect(allocateFen(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocateFen(1003, [50, 50])).toEqual([502, 501]);
  });

  it('gives nothing to a zero ratio, not even a leftover fen', () => {
    expect(allocateFen(5, [0, 1, 1])).toEqual([0, 3, 2]);
  });

  it('mirrors negative amounts and takes decimal ratios exactly', () => {
    expect(allocateFen(-100, [1, 1, 1])).toEqual([-34, -33, -33]);
    expect(allocateFen(1000, [0.3, 0.7])).toEqual([300, 700]);
  });

  it('refuses negative ratios and all-zero ratios', () => {
    expect(() => allocateFen(100, [0, 0])).toThrow('at least one ratio must be positive');
    expect(() => allocateFen(100, [-1, 2])).toThrow(MoneyError);
  });

  it('always adds back up to the amount', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 8 }).filter((r) => r.some((x) => x > 0)),
        (amount, ratios) => {
          expect(sumFen(allocateFen(amount, ratios))).toBe(amount);
        },
      ),
    );
  });
});
