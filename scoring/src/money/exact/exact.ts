import { MoneyError } from '../money-error.js';

/**
 * An exact rational number numerator/denominator, always in lowest terms with a positive
 * denominator. Intermediate money values and rates are held as Exact so that the only rounding
 * is the final, named one (see exact-to-fen.ts).
 */
export interface Exact {
  readonly numerator: bigint;
  readonly denominator: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/** Builds numerator/denominator in lowest terms; the denominator must not be zero. */
export function exact(numerator: bigint | number, denominator: bigint | number = 1n): Exact {
  let n = BigInt(numerator);
  let d = BigInt(denominator);
  if (d === 0n) throw new MoneyError('division by zero');
  if (d < 0n) [n, d] = [-n, -d];
  if (d === 1n) return { numerator: n, denominator: 1n };
  const g = gcd(n, d);
  return g === 1n ? { numerator: n, denominator: d } : { numerator: n / g, denominator: d / g };
}
