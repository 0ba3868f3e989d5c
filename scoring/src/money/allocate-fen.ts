import { exactFromFen } from './exact-from-fen.js';
import { MoneyError } from './money-error.js';
import { roundDown } from './rounding/round-down.js';
import { toExact, type ExactInput } from './to-exact.js';

/**
 * Splits an amount in proportion to non-negative ratios without losing or creating a fen, as
 * dinero.js v2 `allocate` does: each share is rounded down, then the fen left over are handed out
 * one at a time, in order, to the shares with a non-zero ratio. allocateFen(100, [1, 1, 1]) → [34, 33, 33].
 * Negative amounts are allocated as the mirror image of their absolute value.
 */
export function allocateFen(amountFen: number, ratios: readonly ExactInput[]): number[] {
  const amount = exactFromFen(amountFen).numerator;
  const sign = amount < 0n ? -1n : 1n;
  const absolute = amount * sign;
  const exactRatios = ratios.map((r, i) => toExact(r, `ratios[${i}]`));
  if (exactRatios.some((r) => r.numerator < 0n)) throw new MoneyError('ratios must not be negative', 'ratios');
  const common = exactRatios.reduce((d, r) => (d * r.denominator) / gcdOf(d, r.denominator), 1n);
  const weights = exactRatios.map((r) => (r.numerator * common) / r.denominator);
  const total = weights.reduce((a, b) => a + b, 0n);
  if (total === 0n) throw new MoneyError('at least one ratio must be positive', 'ratios');
  const shares = weights.map((w) => roundDown(absolute * w, total));
  let left = absolute - shares.reduce((a, b) => a + b, 0n);
  for (let i = 0; left > 0n; i = (i + 1) % shares.length) {
    if (weights[i]! === 0n) continue;
    shares[i] = shares[i]! + 1n;
    left -= 1n;
  }
  return shares.map((s) => Number(s * sign));
}

function gcdOf(a: bigint, b: bigint): bigint {
  let [x, y] = [a, b];
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}
