import { MoneyError } from '../money-error.js';
import { exact, type Exact } from './exact.js';

const REDUCE_ABOVE = 1n << 1024n;

/**
 * numerator/denominator as the arithmetic produced it: the sign moved to the numerator, reduced to
 * lowest terms only when the denominator has grown beyond 2^1024 (internal to the exact operations).
 */
export function exactRaw(numerator: bigint, denominator: bigint): Exact {
  if (denominator === 0n) throw new MoneyError('division by zero');
  if (denominator < 0n) return exactRaw(-numerator, -denominator);
  return denominator > REDUCE_ABOVE ? exact(numerator, denominator) : { numerator, denominator };
}
