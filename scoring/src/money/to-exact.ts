import type { Exact } from './exact/exact.js';
import { exactFromDecimal } from './exact/exact-from-decimal.js';

/** Rates and ratios may be given as a decimal number, decimal text or an Exact; this normalises them. */
export type ExactInput = number | string | Exact;

export function toExact(value: ExactInput, field = 'value'): Exact {
  return typeof value === 'object' ? value : exactFromDecimal(value, field);
}
