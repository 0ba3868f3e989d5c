import { exactRaw } from './exact-raw.js';
import type { Exact } from './exact.js';

/** The product of all factors, exactly (1 for none). */
export function exactMultiply(...factors: readonly Exact[]): Exact {
  let numerator = 1n;
  let denominator = 1n;
  for (const f of factors) {
    numerator *= f.numerator;
    denominator *= f.denominator;
  }
  return exactRaw(numerator, denominator);
}
