import type { DayCount } from '../types.js';

/** Days in the year of the day count: 365 for actual_365, 360 for actual_360 and 30_360. */
export function dayBasis(dayCount: DayCount): bigint {
  return dayCount === 'actual_365' ? 365n : 360n;
}
