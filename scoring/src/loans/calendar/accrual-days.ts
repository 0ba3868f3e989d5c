import type { DayCount } from '../types.js';
import { daysBetween } from './days-between.js';

/**
 * Days of interest from `from` to `to` under the day count: actual calendar days for actual_360
 * and actual_365; for 30_360 the 30/360 bond basis (ISDA): a 31st start counts as the 30th, and a
 * 31st end counts as the 30th when the start is the 30th or 31st, so every whole month is 30 days.
 */
export function accrualDays(dayCount: DayCount, from: string, to: string): number {
  if (dayCount !== '30_360') return daysBetween(from, to);
  const [y1, m1, d1] = [Number(from.slice(0, 4)), Number(from.slice(5, 7)), Number(from.slice(8, 10))];
  const [y2, m2, d2] = [Number(to.slice(0, 4)), Number(to.slice(5, 7)), Number(to.slice(8, 10))];
  const start = Math.min(d1, 30);
  const end = d2 === 31 && start === 30 ? 30 : d2;
  return 360 * (y2 - y1) + 30 * (m2 - m1) + (end - start);
}
