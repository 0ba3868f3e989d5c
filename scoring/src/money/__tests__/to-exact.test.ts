import { exact } from '../exact/exact.js';
import { toExact } from '../to-exact.js';

describe('toExact', () => {
  it('accepts a decimal number, decimal text or an Exact', () => {
    expect(toExact(0.045)).toEqual(exact(9n, 200n));
    expect(toExact('0.045')).toEqual(exact(9n, 200n));
    const third = exact(1n, 3n);
    expect(toExact(third)).toBe(third);
  });
});
