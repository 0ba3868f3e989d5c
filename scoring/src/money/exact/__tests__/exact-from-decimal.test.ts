import fc from 'fast-check';
import { MoneyError } from '../../money-error.js';
import { exactFromDecimal } from '../exact-from-decimal.js';
import { exactToDecimalString } from '../exact-to-decimal-string.js';

describe('exactFromDecimal', () => {
  it('reads a number as the decimal that was written, not the binary double: 0.045 = 45/1000 = 9/200', () => {
    expect(exactFromDecimal(0.045)).toEqual({ numerator: 9n, denominator: 200n });
    expect(exactFromDecimal(0.1)).toEqual({ numerator: 1n, denominator: 10n });
    expect(exactFromDecimal(-2.5)).toEqual({ numerator: -5n, denominator: 2n });
  });

  it('reads exponent notation', () => {
    expect(exactFromDecimal('1.5e3')).toEqual({ numerator: 1500n, denominator: 1n });
    expect(exactFromDecimal(1e-7)).toEqual({ numerator: 1n, denominator: 10_000_000n });
  });

  it('refuses what is not a finite decimal', () => {
    expect(() => exactFromDecimal(Number.NaN)).toThrow(MoneyError);
    expect(() => exactFromDecimal(Number.POSITIVE_INFINITY)).toThrow(MoneyError);
    expect(() => exactFromDecimal('1/3', 'rate')).toThrow('rate is not a decimal number: 1/3');
  });

  it('gives back the same decimal for any value with up to 6 places', () => {
    fc.assert(
      fc.property(fc.integer({ min: -10_000_000, max: 10_000_000 }), fc.integer({ min: 0, max: 6 }), (units, places) => {
        const text = (units / 10 ** places).toFixed(places);
        expect(exactToDecimalString(exactFromDecimal(text), places)).toBe(text);
      }),
    );
  });
});
