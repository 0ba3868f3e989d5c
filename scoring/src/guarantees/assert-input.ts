import { GuaranteeInputError } from './guarantee-input-error.js';

/** Whole fen ≥ 0 (a safe integer), or GuaranteeInputError naming the field. */
export function assertWholeFen(value: number, field: string): void {
  if (!(Number.isSafeInteger(value) && value >= 0)) throw new GuaranteeInputError(`${field} must be whole fen ≥ 0, got ${value}`, field);
}

/** Whole basis points within [0, max]. */
export function assertBp(value: number, field: string, max = 10_000): void {
  if (!(Number.isInteger(value) && value >= 0 && value <= max)) throw new GuaranteeInputError(`${field} must be whole basis points 0–${max}, got ${value}`, field);
}
