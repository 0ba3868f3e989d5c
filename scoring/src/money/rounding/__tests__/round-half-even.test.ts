import { roundHalfEven } from '../round-half-even.js';

describe('roundHalfEven', () => {
  it('rounds to nearest, an exact half to the even neighbour: 2.5 → 2, 3.5 → 4, −2.5 → −2, −3.5 → −4, 2.6 → 3, 2.4 → 2, −2.6 → −3', () => {
    const rows: [bigint, bigint, bigint][] = [[5n, 2n, 2n], [7n, 2n, 4n], [-5n, 2n, -2n], [-7n, 2n, -4n], [26n, 10n, 3n], [24n, 10n, 2n], [-26n, 10n, -3n]];
    for (const [numerator, denominator, expected] of rows) expect(roundHalfEven(numerator, denominator)).toBe(expected);
  });
});
