import { roundHalfAwayFromZero } from '../round-half-away-from-zero.js';

describe('roundHalfAwayFromZero', () => {
  it('rounds to nearest, an exact half away from zero: 2.5 → 3, −2.5 → −3, −2.4 → −2', () => {
    const rows: [bigint, bigint, bigint][] = [[5n, 2n, 3n], [-5n, 2n, -3n], [-24n, 10n, -2n]];
    for (const [numerator, denominator, expected] of rows) expect(roundHalfAwayFromZero(numerator, denominator)).toBe(expected);
  });
});
