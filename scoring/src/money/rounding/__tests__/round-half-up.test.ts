import { roundHalfUp } from '../round-half-up.js';

describe('roundHalfUp', () => {
  it('rounds to nearest, an exact half toward +∞: 2.5 → 3, −2.5 → −2, 2.4 → 2', () => {
    const rows: [bigint, bigint, bigint][] = [[5n, 2n, 3n], [-5n, 2n, -2n], [24n, 10n, 2n]];
    for (const [numerator, denominator, expected] of rows) expect(roundHalfUp(numerator, denominator)).toBe(expected);
  });
});
