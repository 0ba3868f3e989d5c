import { exactToNumber } from '../exact-to-number.js';
import { exact } from '../exact.js';

describe('exactToNumber', () => {
  it('gives a display number for rates and ratios: 1/3 → 0.3333 at 4 places, 3/10 → 0.3', () => {
    expect(exactToNumber(exact(1n, 3n), 4)).toBe(0.3333);
    expect(exactToNumber(exact(3n, 10n))).toBe(0.3);
  });
});
