import type { Exact } from './exact.js';

/** −1, 0 or 1 as a is less than, equal to or greater than b. */
export function exactCompare(a: Exact, b: Exact): -1 | 0 | 1 {
  const left = a.numerator * b.denominator;
  const right = b.numerator * a.denominator;
  return left < right ? -1 : left > right ? 1 : 0;
}
