import { exactMax } from '../exact-max.js';
import { exact } from '../exact.js';

describe('exactMax', () => {
  it('picks the greatest value', () => {
    expect(exactMax(exact(3n), exact(5n), exact(-7n))).toEqual(exact(5n));
  });
});
