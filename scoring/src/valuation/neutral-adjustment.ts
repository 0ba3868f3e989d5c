import { exact } from '../money/index.js';
import type { Adjustment } from './types.js';

/** The adjustment that changes nothing: the point valuation. */
export const neutralAdjustment: Adjustment = {
  discountRateShift: exact(0n),
  discountRateFloor: exact(0n),
  priceFactor: exact(1n),
  volumeFactor: exact(1n),
  carbonPriceFactor: exact(1n),
  remainingYearsCap: null,
};
