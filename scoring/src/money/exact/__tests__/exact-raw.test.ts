import { MoneyError } from '../../money-error.js';
import { exactRaw } from '../exact-raw.js';

describe('exactRaw', () => {
  it('moves the sign to the numerator and keeps small terms as they are', () => {
    expect(exactRaw(6n, -4n)).toEqual({ numerator: -6n, denominator: 4n });
  });

  it('reduces a denominator beyond 2^1024', () => {
    const big = 2n ** 1030n;
    expect(exactRaw(big, big)).toEqual({ numerator: 1n, denominator: 1n });
  });

  it('refuses a zero denominator', () => {
    expect(() => exactRaw(1n, 0n)).toThrow(MoneyError);
  });
});
