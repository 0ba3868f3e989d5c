import { exactCompare } from './exact-compare.js';
import type { Exact } from './exact.js';

/** The largest of one or more exact values. */
export function exactMax(first: Exact, ...rest: readonly Exact[]): Exact {
  return rest.reduce((most, x) => (exactCompare(x, most) > 0 ? x : most), first);
}
