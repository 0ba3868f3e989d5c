import { exactDivide } from '../exact/exact-divide.js';
import { exactFromDecimal } from '../exact/exact-from-decimal.js';
import { exactMultiply } from '../exact/exact-multiply.js';
import { multiplyFenByRate } from '../multiply-fen-by-rate.js';
import { roundHalfUp } from '../rounding/round-half-up.js';

describe('multiplyFenByRate', () => {
  it('multiplies exactly: 100 000.00 yuan × 4.35 % = 4 350.00 yuan', () => {
    expect(multiplyFenByRate(10_000_000, 0.0435)).toBe(435_000);
  });

  it('rounds half to even by default: 1 × 0.5 = 0.5 → 0, 3 × 0.5 = 1.5 → 2', () => {
    expect(multiplyFenByRate(1, 0.5)).toBe(0);
    expect(multiplyFenByRate(3, 0.5)).toBe(2);
    expect(multiplyFenByRate(1, '0.5', roundHalfUp)).toBe(1);
  });

  it('takes an exact rate such as simple interest for 31 days: 1 000 000 × 3.65 % × 31 / 365 = 3 100 fen', () => {
    const rate = exactDivide(exactMultiply(exactFromDecimal(0.0365), exactFromDecimal(31)), exactFromDecimal(365));
    expect(multiplyFenByRate(1_000_000, rate)).toBe(3_100);
  });
});
