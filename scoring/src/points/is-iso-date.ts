import { dayNumber } from './day-number.js';
import { isoDateOfDay } from './iso-date-of-day.js';

/** True for a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(value: unknown): value is string {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && isoDateOfDay(dayNumber(value)) === value;
}
