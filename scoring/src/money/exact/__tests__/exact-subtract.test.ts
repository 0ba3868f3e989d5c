import { exactReduce } from '../exact-reduce.js';
import { exactSubtract } from '../exact-subtract.js';
import { exact } from '../exact.js';

describe('exactSubtract', () => {
  it('subtracts exactly: 1/3 − 1/6 = 1/6, 1/4 − 1/2 = −1/4', () => {
    expect(exactReduce(exactSubtract(exact(1n, 3n), exact(1n, 6n)))).toEqual(exact(1n, 6n));
    expect(exactReduce(exactSubtract(exact(1n, 4n), exact(1n, 2n)))).toEqual(exact(-1n, 4n));
  });
});
