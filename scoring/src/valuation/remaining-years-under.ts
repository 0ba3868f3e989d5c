import type { Adjustment } from './types.js';

/** Remaining years of a right, cut short when a stress scenario caps them (permit not renewed). */
export function remainingYearsUnder(years: number, adjustment: Adjustment): number {
  return adjustment.remainingYearsCap === null ? years : Math.min(years, adjustment.remainingYearsCap);
}
