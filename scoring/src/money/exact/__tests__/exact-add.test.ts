import { exactAdd } from '../exact-add.js';
import { exactFromDecimal } from '../exact-from-decimal.js';
import { exactReduce } from '../exact-reduce.js';
import { exact } from '../exact.js';

describe('exactAdd', () => {
  it('adds without binary error: 0.1 + 0.2 is exactly 0.3', () => {
    expect(exactReduce(exactAdd(exactFromDecimal(0.1), exactFromDecimal(0.2)))).toEqual(exactFromDecimal(0.3));
  });

  it('stays over the larger denominator when one divides the other: 1/10 + 1/5 = 3/10 without a gcd', () => {
    expect(exactAdd(exact(1n, 10n), exact(1n, 5n))).toEqual({ numerator: 3n, denominator: 10n });
  });

  it('cross-multiplies otherwise: 1/3 + 1/4 = 7/12', () => {
    expect(exactAdd(exact(1n, 3n), exact(1n, 4n))).toEqual(exact(7n, 12n));
  });
});
