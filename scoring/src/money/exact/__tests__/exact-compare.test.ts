import { exactCompare } from '../exact-compare.js';
import { exact } from '../exact.js';

describe('exactCompare', () => {
  it('orders values: 1/3 < 1/2, −1 < 0', () => {
    expect(exactCompare(exact(1n, 3n), exact(1n, 2n))).toBe(-1);
    expect(exactCompare(exact(1n, 2n), exact(1n, 3n))).toBe(1);
    expect(exactCompare(exact(-1n), exact(0n))).toBe(-1);
  });

  it('finds unreduced forms equal: 2/4 = 1/2', () => {
    expect(exactCompare({ numerator: 2n, denominator: 4n }, exact(1n, 2n))).toBe(0);
  });
});
