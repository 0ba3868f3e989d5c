import { MoneyError } from '../money-error.js';
import type { Exact } from './exact.js';

/**
 * numerator/denominator as the arithmetic produced it, the sign moved to the numerator; not
 * reduced (internal to the exact operations — a bigint gcd on every step costs more than the
 * arithmetic, and most intermediates have no common factor to cancel).
 */
export function exactRaw(numerator: bigint, denominator: bigint): Exact {
  if (denominator === 0n) throw new MoneyError('division by zero');
  return denominator < 0n ? { numerator: -numerator, denominator: -denominator } : { numerator, denominator };
}
