import { exactAdd, exactMax, exactMin, type Exact } from '../../money/index.js';
import type { Adjustment } from '../types.js';

/**
 * The discount rate under a sensitivity: rate + shift, except that a lowered rate stays at or
 * above min(rate, floor) — so a 4.5 % rate lowered by 1.5 points is 3 %, and a perpetuity's rate
 * can never reach zero.
 */
export function shiftDiscountRate(rate: Exact, adjustment: Adjustment): Exact {
  const shifted = exactAdd(rate, adjustment.discountRateShift);
  if (adjustment.discountRateShift.numerator >= 0n) return shifted;
  return exactMax(shifted, exactMin(rate, adjustment.discountRateFloor));
}
