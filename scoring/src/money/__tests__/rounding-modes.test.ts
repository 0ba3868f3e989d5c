import { roundDown } from '../rounding/round-down.js';
import { roundHalfAwayFromZero } from '../rounding/round-half-away-from-zero.js';
import { roundHalfDown } from '../rounding/round-half-down.js';
import { roundHalfEven } from '../rounding/round-half-even.js';
import { roundHalfUp } from '../rounding/round-half-up.js';
import { roundTowardZero } from '../rounding/round-toward-zero.js';
import { roundUp } from '../rounding/round-up.js';
import { roundingModeNamed } from '../rounding/rounding-mode-named.js';
import { MoneyError } from '../money-error.js';

// Each row: numerator/denominator → expected integer; halves (5/2 = 2.5) are the interesting cases.
const cases: [string, (n: bigint, d: bigint) => bigint, [bigint, bigint, bigint][]][] = [
  ['half-even', roundHalfEven, [[5n, 2n, 2n], [7n, 2n, 4n], [-5n, 2n, -2n], [-7n, 2n, -4n], [26n, 10n, 3n], [24n, 10n, 2n], [-26n, 10n, -3n]]],
  ['half-up', roundHalfUp, [[5n, 2n, 3n], [-5n, 2n, -2n], [24n, 10n, 2n]]],
  ['half-down', roundHalfDown, [[5n, 2n, 2n], [-5n, 2n, -3n], [26n, 10n, 3n]]],
  ['half-away-from-zero', roundHalfAwayFromZero, [[5n, 2n, 3n], [-5n, 2n, -3n], [-24n, 10n, -2n]]],
  ['up', roundUp, [[21n, 10n, 3n], [-29n, 10n, -2n], [4n, 2n, 2n]]],
  ['down', roundDown, [[29n, 10n, 2n], [-21n, 10n, -3n], [4n, 2n, 2n]]],
  ['toward-zero', roundTowardZero, [[29n, 10n, 2n], [-29n, 10n, -2n]]],
];

describe('rounding modes', () => {
  it.each(cases)('%s rounds every listed quotient as expected', (_name, mode, rows) => {
    for (const [n, d, expected] of rows) expect(mode(n, d)).toBe(expected);
  });

  it('finds a mode by its configured name and rejects unknown names', () => {
    expect(roundingModeNamed('half-even')).toBe(roundHalfEven);
    expect(() => roundingModeNamed('bankers')).toThrow(MoneyError);
  });
});
