import { roundUp } from '../round-up.js';

describe('roundUp', () => {
  it('rounds to the ceiling: 2.1 → 3, −2.9 → −2, 2 → 2', () => {
    const rows: [bigint, bigint, bigint][] = [[21n, 10n, 3n], [-29n, 10n, -2n], [4n, 2n, 2n]];
    for (const [numerator, denominator, expected] of rows) expect(roundUp(numerator, denominator)).toBe(expected);
  });
});
