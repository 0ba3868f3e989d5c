import fc from 'fast-check';
import { addFen } from '../add-fen.js';
import { allocateFen } from '../allocate-fen.js';
import { assertFen } from '../assert-fen.js';
import { exactToFen } from '../exact-to-fen.js';
import { exact } from '../exact/exact.js';
import { formatYuan } from '../format-yuan.js';
import { MoneyError } from '../money-error.js';
import { multiplyFenByRate } from '../multiply-fen-by-rate.js';
import { parseYuan } from '../parse-yuan.js';
import { roundHalfUp } from '../rounding/round-half-up.js';
import { splitFen } from '../split-fen.js';
import { subtractFen } from '../subtract-fen.js';
import { sumFen } from '../sum-fen.js';
import { exactDivide } from '../exact/exact-divide.js';
import { exactFromDecimal } from '../exact/exact-from-decimal.js';

const MAX = Number.MAX_SAFE_INTEGER;

describe('fen amounts', () => {
  it('must be safe integers', () => {
    expect(() => assertFen(1.5)).toThrow(MoneyError);
    expect(() => assertFen('100')).toThrow('amountFen must be a safe integer number of fen, got 100');
    expect(() => assertFen(MAX + 1)).toThrow(MoneyError);
    expect(() => assertFen(-MAX)).not.toThrow();
  });

  it('add and subtract exactly and refuse to overflow', () => {
    expect(addFen(150, 250)).toBe(400);
    expect(subtractFen(150, 250)).toBe(-100);
    expect(() => addFen(MAX, 1)).toThrow('sum 9007199254740992 fen exceeds the safe integer range');
    expect(() => subtractFen(-MAX, 1)).toThrow(MoneyError);
    expect(sumFen([1, 2, 3])).toBe(6);
    expect(sumFen([])).toBe(0);
    expect(sumFen([MAX, 1, -2])).toBe(MAX - 1); // intermediate MAX + 1 is fine, only the total counts
  });

  it('round an exact amount once, half-even by default: 12.5 fen → 12, 13.5 fen → 14', () => {
    expect(exactToFen(exact(25n, 2n))).toBe(12);
    expect(exactToFen(exact(27n, 2n))).toBe(14);
    expect(exactToFen(exact(25n, 2n), roundHalfUp)).toBe(13);
  });

  it('multiply by a rate exactly: 100 000.00 yuan × 4.35 % = 4 350.00 yuan; 1 fen × 0.5 = 0 (half to even)', () => {
    expect(multiplyFenByRate(10_000_000, 0.0435)).toBe(435_000);
    expect(multiplyFenByRate(1, 0.5)).toBe(0);
    expect(multiplyFenByRate(3, 0.5)).toBe(2); // 1.5 → 2
    expect(multiplyFenByRate(3, '0.5', roundHalfUp)).toBe(2);
    // daily interest 1 000 000 fen × 3.65 % × 31 / 365 = 31 000 fen exactly
    expect(multiplyFenByRate(1_000_000, exactDivide(exactFromDecimal(0.0365 * 31), exactFromDecimal(365)))).toBe(3_100);
  });

  it('allocate without losing a fen, the leftover fen going to the first shares', () => {
    expect(allocateFen(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocateFen(1003, [50, 50])).toEqual([502, 501]);
    expect(allocateFen(5, [0, 1, 1])).toEqual([0, 3, 2]);
    expect(allocateFen(-100, [1, 1, 1])).toEqual([-34, -33, -33]);
    expect(allocateFen(1000, [0.3, 0.7])).toEqual([300, 700]);
    expect(splitFen(100, 3)).toEqual([34, 33, 33]);
    expect(() => allocateFen(100, [0, 0])).toThrow('at least one ratio must be positive');
    expect(() => allocateFen(100, [-1, 2])).toThrow(MoneyError);
    expect(() => splitFen(100, 0)).toThrow(MoneyError);
  });

  it('allocations always add back up to the amount', () => {
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

  it('format as yuan for reports and parse back', () => {
    expect(formatYuan(123_456_789)).toBe('1,234,567.89');
    expect(formatYuan(-5)).toBe('-0.05');
    expect(formatYuan(0)).toBe('0.00');
    expect(formatYuan(100_000, { grouping: '', prefix: '¥' })).toBe('¥1000.00');
    expect(parseYuan('1,234,567.89')).toBe(123_456_789);
    expect(parseYuan('-0.05')).toBe(-5);
    expect(parseYuan('12')).toBe(1200);
    expect(() => parseYuan('0.125')).toThrow('has fractions of a fen');
    expect(parseYuan('0.125', roundHalfUp)).toBe(13);
    expect(() => parseYuan('12abc')).toThrow(MoneyError);
  });
});
