import { exactToDecimalString } from './exact-to-decimal-string.js';
import type { Exact } from './exact.js';

/** A JS number for display of rates and ratios (never for amounts), rounded half-even to `places`. */
export function exactToNumber(value: Exact, places = 10): number {
  return Number(exactToDecimalString(value, places));
}
