import { roundTowardZero } from '../round-toward-zero.js';

describe('roundTowardZero', () => {
  it('rounds to the truncation: 2.9 → 2, −2.9 → −2', () => {
    const rows: [bigint, bigint, bigint][] = [[29n, 10n, 2n], [-29n, 10n, -2n]];
    for (const [numerator, denominator, expected] of rows) expect(roundTowardZero(numerator, denominator)).toBe(expected);
  });
});
