import { roundDown } from '../round-down.js';

describe('roundDown', () => {
  it('rounds to the floor: 2.9 → 2, −2.1 → −3, 2 → 2', () => {
    const rows: [bigint, bigint, bigint][] = [[29n, 10n, 2n], [-21n, 10n, -3n], [4n, 2n, 2n]];
    for (const [numerator, denominator, expected] of rows) expect(roundDown(numerator, denominator)).toBe(expected);
  });
});
