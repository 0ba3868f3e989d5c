import { exact, type Exact } from './exact.js';

/** a − b, exactly. */
export function exactSubtract(a: Exact, b: Exact): Exact {
  if (a.denominator === b.denominator) return exact(a.numerator - b.numerator, a.denominator);
  return exact(a.numerator * b.denominator - b.numerator * a.denominator, a.denominator * b.denominator);
}
