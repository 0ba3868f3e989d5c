import { exactCompare } from './exact-compare.js';
import type { Exact } from './exact.js';

/** The smallest of one or more exact values. */
export function exactMin(first: Exact, ...rest: readonly Exact[]): Exact {
  return rest.reduce((least, x) => (exactCompare(x, least) < 0 ? x : least), first);
}
