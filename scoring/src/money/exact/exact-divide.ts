import { exactRaw } from './exact-raw.js';
import type { Exact } from './exact.js';

/** a / b, exactly; throws MoneyError when b is zero. */
export function exactDivide(a: Exact, b: Exact): Exact {
  return exactRaw(a.numerator * b.denominator, a.denominator * b.numerator);
}
