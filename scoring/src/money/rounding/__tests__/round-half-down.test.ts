import { roundHalfDown } from '../round-half-down.js';

describe('roundHalfDown', () => {
  it('rounds to nearest, an exact half toward −∞: 2.5 → 2, −2.5 → −3, 2.6 → 3', () => {
    const rows: [bigint, bigint, bigint][] = [[5n, 2n, 2n], [-5n, 2n, -3n], [26n, 10n, 3n]];
    for (const [numerator, denominator, expected] of rows) expect(roundHalfDown(numerator, denominator)).toBe(expected);
  });
});
