import { exactAdd } from './exact-add.js';
import type { Exact } from './exact.js';

/** a − b, exactly. */
export function exactSubtract(a: Exact, b: Exact): Exact {
  return exactAdd(a, { numerator: -b.numerator, denominator: b.denominator });
}
