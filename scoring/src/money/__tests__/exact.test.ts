import fc from 'fast-check';
import { exact } from '../exact/exact.js';
import { exactAdd } from '../exact/exact-add.js';
import { exactCompare } from '../exact/exact-compare.js';
import { exactDivide } from '../exact/exact-divide.js';
import { exactFromDecimal } from '../exact/exact-from-decimal.js';
import { exactMax } from '../exact/exact-max.js';
import { exactMin } from '../exact/exact-min.js';
import { exactMultiply } from '../exact/exact-multiply.js';
import { exactPower } from '../exact/exact-power.js';
import { exactReduce } from '../exact/exact-reduce.js';
import { exactSubtract } from '../exact/exact-subtract.js';
import { exactToDecimalString } from '../exact/exact-to-decimal-string.js';
import { exactToNumber } from '../exact/exact-to-number.js';
import { MoneyError } from '../money-error.js';

describe('exact rationals', () => {
  it('are built in lowest terms with a positive denominator', () => {
    expect(exact(6n, -4n)).toEqual({ numerator: -3n, denominator: 2n });
    expect(() => exact(1n, 0n)).toThrow(MoneyError);
  });

  it('read a decimal number as the decimal that was written, not the binary double', () => {
    expect(exactFromDecimal(0.045)).toEqual({ numerator: 9n, denominator: 200n }); // 45/1000
    expect(exactFromDecimal(0.1)).toEqual({ numerator: 1n, denominator: 10n });
    expect(exactFromDecimal('1.5e3')).toEqual({ numerator: 1500n, denominator: 1n });
    expect(exactFromDecimal(1e-7)).toEqual({ numerator: 1n, denominator: 10000000n });
    expect(exactFromDecimal(-2.5)).toEqual({ numerator: -5n, denominator: 2n });
    expect(() => exactFromDecimal(Number.NaN)).toThrow(MoneyError);
    expect(() => exactFromDecimal('1/3')).toThrow(MoneyError);
  });

  it('add, subtract, multiply and divide without error: 0.1 + 0.2 is exactly 0.3', () => {
    const tenth = exactFromDecimal(0.1);
    expect(exactReduce(exactAdd(tenth, exactFromDecimal(0.2)))).toEqual(exactFromDecimal(0.3));
    expect(exactReduce(exactSubtract(exact(1n, 3n), exact(1n, 6n)))).toEqual(exact(1n, 6n));
    expect(exactReduce(exactMultiply(exact(2n, 3n), exact(9n, 4n)))).toEqual(exact(3n, 2n));
    expect(exactReduce(exactMultiply())).toEqual(exact(1n));
    expect(exactReduce(exactDivide(exact(1n), exact(3n)))).toEqual(exact(1n, 3n));
    expect(() => exactDivide(exact(1n), exact(0n))).toThrow(MoneyError);
  });

  it('raise to whole powers, negative ones included: 1.06^2 = 1.1236 and 1.06^−1 = 100/106', () => {
    expect(exactReduce(exactPower(exactFromDecimal(1.06), 2))).toEqual(exactFromDecimal('1.1236'));
    expect(exactReduce(exactPower(exactFromDecimal(1.06), -1))).toEqual(exact(50n, 53n));
    expect(exactReduce(exactPower(exact(7n), 0))).toEqual(exact(1n));
    expect(() => exactPower(exact(2n), 0.5)).toThrow(MoneyError);
  });

  it('compare, and pick the least and the greatest', () => {
    expect(exactCompare(exact(1n, 3n), exact(1n, 2n))).toBe(-1);
    expect(exactCompare(exact(2n, 4n), exact(1n, 2n))).toBe(0);
    expect(exactCompare({ numerator: 2n, denominator: 4n }, exact(1n, 2n))).toBe(0); // unreduced intermediates compare equal
    expect(exactMin(exact(3n), exact(1n), exact(2n))).toEqual(exact(1n));
    expect(exactMax(exact(3n), exact(5n), exact(2n))).toEqual(exact(5n));
  });

  it('print as decimals rounded half-even once: 2/3 → 0.6667, 1/8 → 0.12 with 2 places', () => {
    expect(exactToDecimalString(exact(2n, 3n), 4)).toBe('0.6667');
    expect(exactToDecimalString(exact(1n, 8n), 2)).toBe('0.12');
    expect(exactToDecimalString(exact(-1n, 8n), 2)).toBe('-0.12');
    expect(exactToDecimalString(exact(7n, 2n), 0)).toBe('4');
    expect(exactToNumber(exact(1n, 3n), 4)).toBe(0.3333);
  });

  it('agree with the decimal they came from for any 1–6 decimal rate', () => {
    fc.assert(
      fc.property(fc.integer({ min: -10_000_000, max: 10_000_000 }), fc.integer({ min: 0, max: 6 }), (units, places) => {
        const text = (units / 10 ** places).toFixed(places);
        expect(exactToDecimalString(exactFromDecimal(text), places)).toBe(text);
      }),
    );
  });
});

describe('exact arithmetic on unreduced intermediates', () => {
  it('cancels only when one denominator divides the other, and reduces on request', () => {
    // 1/10 + 1/5: 10 is a multiple of 5, so the sum is (1 + 2)/10 = 3/10 without a gcd
    expect(exactAdd(exact(1n, 10n), exact(1n, 5n))).toEqual({ numerator: 3n, denominator: 10n });
    expect(exactMultiply(exact(2n, 3n), exact(3n, 2n))).toEqual({ numerator: 6n, denominator: 6n });
    expect(exactReduce(exactMultiply(exact(2n, 3n), exact(3n, 2n)))).toEqual(exact(1n));
  });

  it('reduces once a denominator outgrows 2^1024, keeping sizes bounded', () => {
    const third = exact(1n, 3n);
    const big = exactMultiply(exactPower(third, 700), exactPower(exact(3n), 700)); // (1/3)^700 × 3^700 = 1
    expect(big).toEqual(exact(1n));
  });
});
