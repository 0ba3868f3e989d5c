import { MoneyError } from '../../money-error.js';
import { exact } from '../exact.js';

describe('exact', () => {
  it('builds lowest terms with a positive denominator: 6/−4 = −3/2', () => {
    expect(exact(6n, -4n)).toEqual({ numerator: -3n, denominator: 2n });
    expect(exact(5)).toEqual({ numerator: 5n, denominator: 1n });
  });

  it('refuses a zero denominator', () => {
    expect(() => exact(1n, 0n)).toThrow(MoneyError);
  });
});
