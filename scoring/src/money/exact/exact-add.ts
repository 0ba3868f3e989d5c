import { exactRaw } from './exact-raw.js';
import type { Exact } from './exact.js';

/** a + b, exactly; over the larger denominator when one divides the other. */
export function exactAdd(a: Exact, b: Exact): Exact {
  const [p, q] = [a.denominator, b.denominator];
  if (p === q) return exactRaw(a.numerator + b.numerator, p);
  if (p > q && p % q === 0n) return exactRaw(a.numerator + b.numerator * (p / q), p);
  if (q > p && q % p === 0n) return exactRaw(a.numerator * (q / p) + b.numerator, q);
  return exactRaw(a.numerator * q + b.numerator * p, p * q);
}
