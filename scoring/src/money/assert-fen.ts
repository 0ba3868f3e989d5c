import { MoneyError } from './money-error.js';

/** Fen (分) are whole numbers within ±(2^53 − 1); anything else is rejected, never rounded silently. */
export function assertFen(value: unknown, field = 'amountFen'): asserts value is number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    throw new MoneyError(`${field} must be a safe integer number of fen, got ${String(value)}`, field);
  }
}
