import { exactFromFen } from './exact-from-fen.js';
import { exactToFen } from './exact-to-fen.js';
import { exactMultiply } from './exact/exact-multiply.js';
import { roundHalfEven } from './rounding/round-half-even.js';
import type { RoundingMode } from './rounding/rounding-mode.js';
import { toExact, type ExactInput } from './to-exact.js';

/**
 * amountFen × rate, computed exactly and rounded once (half-even by default).
 * The rate is a decimal (0.045 = 4.5 %), decimal text or an Exact (e.g. rate × days / 365).
 */
export function multiplyFenByRate(amountFen: number, rate: ExactInput, rounding: RoundingMode = roundHalfEven): number {
  return exactToFen(exactMultiply(exactFromFen(amountFen), toExact(rate, 'rate')), rounding, 'product');
}
