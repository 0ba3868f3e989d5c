import { allocateFen } from './allocate-fen.js';
import { MoneyError } from './money-error.js';

/** Splits an amount into `parts` near-equal shares that add up to it: splitFen(100, 3) → [34, 33, 33]. */
export function splitFen(amountFen: number, parts: number): number[] {
  if (!Number.isSafeInteger(parts) || parts < 1) throw new MoneyError(`parts must be a whole number ≥ 1, got ${parts}`, 'parts');
  return allocateFen(amountFen, Array.from({ length: parts }, () => 1));
}
