import { MoneyError } from '../../money-error.js';
import { exactFromDecimal } from '../exact-from-decimal.js';
import { exactPower } from '../exact-power.js';
import { exactReduce } from '../exact-reduce.js';
import { exact } from '../exact.js';

describe('exactPower', () => {
  it('raises to whole powers: 1.06² = 1.1236, 1.06^−1 = 100/106 = 50/53, x⁰ = 1', () => {
    expect(exactReduce(exactPower(exactFromDecimal(1.06), 2))).toEqual(exactFromDecimal('1.1236'));
    expect(exactReduce(exactPower(exactFromDecimal(1.06), -1))).toEqual(exact(50n, 53n));
    expect(exactReduce(exactPower(exact(7n), 0))).toEqual(exact(1n));
  });

  it('refuses fractional exponents', () => {
    expect(() => exactPower(exact(2n), 0.5)).toThrow(MoneyError);
  });
});
