import type { Exact } from './exact/exact.js';
import { fenFromBigint } from './fen-from-bigint.js';
import { roundHalfEven } from './rounding/round-half-even.js';
import type { RoundingMode } from './rounding/rounding-mode.js';

/** The single final rounding of an exact amount of fen to whole fen (half-even unless named otherwise). */
export function exactToFen(amountFen: Exact, rounding: RoundingMode = roundHalfEven, field = 'amountFen'): number {
  return fenFromBigint(rounding(amountFen.numerator, amountFen.denominator), field);
}
