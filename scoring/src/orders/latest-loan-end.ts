import { dayNumber } from '../points/day-number.js';
import { isoDateOfDay } from '../points/iso-date-of-day.js';
import { OrderInputError } from './order-input-error.js';

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** Payment date + grace days: a loan secured by the order may not end after this date. */
export function latestLoanEnd(paymentDate: string, graceDays: number): string {
  if (!ISO.test(paymentDate)) throw new OrderInputError(`paymentDate must be YYYY-MM-DD, got ${paymentDate}`, 'paymentDate');
  if (!(Number.isInteger(graceDays) && graceDays >= 0)) throw new OrderInputError(`graceDays must be a whole number ≥ 0, got ${graceDays}`, 'graceDays');
  return isoDateOfDay(dayNumber(paymentDate) + graceDays);
}

