import { MoneyError } from '../money-error.js';

/**
 * An exact rational number numerator/denominator with a positive denominator. Intermediate money
 * values and rates are held as Exact so that the only rounding is the final, named one
 * (see exact-to-fen.ts).
 *
 * `exact()` returns lowest terms. The arithmetic operations do not look for common factors — a
 * bigint gcd costs more than the arithmetic itself — except that a sum stays over the larger
 * denominator when one divides the other (powers of the same discount factor, powers of ten),
 * which keeps sizes linear in the number of operations. Values are therefore equal when
 * exactCompare says so; exactReduce gives the lowest-terms form.
 */
export interface Exact {
  readonly numerator: bigint;
  readonly denominator: bigint;
}

/** Builds numerator/denominator in lowest terms; the denominator must not be zero. */
export function exact(numerator: bigint | number, denominator: bigint | number = 1n): Exact {
  let n = BigInt(numerator);
  let d = BigInt(denominator);
  if (d === 0n) throw new MoneyError('division by zero');
  if (d < 0n) [n, d] = [-n, -d];
  if (d === 1n) return { numerator: n, denominator: 1n };
  let x = n < 0n ? -n : n;
  let y = d;
  while (y !== 0n) [x, y] = [y, x % y];
  return x === 1n ? { numerator: n, denominator: d } : { numerator: n / x, denominator: d / x };
}
