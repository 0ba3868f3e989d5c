import { MoneyError } from '../../money-error.js';
import { exactRaw } from '../exact-raw.js';

describe('exactRaw', () => {
  it('moves the sign to the numerator and keeps small terms as they are', () => {
    expect(exactRaw(6n, -4n)).toEqual({ numerator: -6n, denominator: 4n });
  });

  it('does not look for common factors', () => {
    expect(exactRaw(6n, 4n)).toEqual({ numerator: 6n, denominator: 4n });
  });

  it('refuses a zero denominator', () => {
    expect(() => exactRaw(1n, 0n)).toThrow(MoneyError);
  });
});
