import { MoneyError } from '../money-error.js';
import { exactRaw } from './exact-raw.js';
import type { Exact } from './exact.js';

/** base^exponent for a whole exponent (negative allowed when base ≠ 0), exactly. */
export function exactPower(base: Exact, exponent: number): Exact {
  if (!Number.isSafeInteger(exponent)) throw new MoneyError(`exponent must be a whole number, got ${exponent}`);
  const e = BigInt(Math.abs(exponent));
  const [n, d] = [base.numerator ** e, base.denominator ** e];
  return exponent >= 0 ? exactRaw(n, d) : exactRaw(d, n);
}
