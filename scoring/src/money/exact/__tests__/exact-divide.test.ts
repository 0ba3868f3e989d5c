import { MoneyError } from '../../money-error.js';
import { exactDivide } from '../exact-divide.js';
import { exactReduce } from '../exact-reduce.js';
import { exact } from '../exact.js';

describe('exactDivide', () => {
  it('divides exactly: 1 / 3 = 1/3, (1/2) / (−1/4) = −2', () => {
    expect(exactReduce(exactDivide(exact(1n), exact(3n)))).toEqual(exact(1n, 3n));
    expect(exactReduce(exactDivide(exact(1n, 2n), exact(-1n, 4n)))).toEqual(exact(-2n));
  });

  it('refuses to divide by zero', () => {
    expect(() => exactDivide(exact(1n), exact(0n))).toThrow(MoneyError);
  });
});
