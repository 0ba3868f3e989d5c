import { exactMultiply } from '../exact-multiply.js';
import { exactPower } from '../exact-power.js';
import { exactReduce } from '../exact-reduce.js';
import { exact } from '../exact.js';

describe('exactMultiply', () => {
  it('multiplies any number of factors: 2/3 × 9/4 = 3/2; no factors is 1', () => {
    expect(exactReduce(exactMultiply(exact(2n, 3n), exact(9n, 4n)))).toEqual(exact(3n, 2n));
    expect(exactMultiply()).toEqual(exact(1n));
  });

  it('leaves products unreduced (2/3 × 3/2 = 6/6), exactReduce gives lowest terms', () => {
    expect(exactMultiply(exact(2n, 3n), exact(3n, 2n))).toEqual({ numerator: 6n, denominator: 6n });
    expect(exactReduce(exactMultiply(exactPower(exact(1n, 3n), 700), exactPower(exact(3n), 700)))).toEqual(exact(1n));
  });
});
