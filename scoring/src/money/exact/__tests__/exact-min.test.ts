import { exactMin } from '../exact-min.js';
import { exact } from '../exact.js';

describe('exactMin', () => {
  it('picks the least value', () => {
    expect(exactMin(exact(3n), exact(1n, 2n), exact(2n))).toEqual(exact(1n, 2n));
    expect(exactMin(exact(3n))).toEqual(exact(3n));
  });
});
