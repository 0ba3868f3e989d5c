import { multiplyFenByRate, exact, exactMultiply, exactFromDecimal } from '../../money/index.js';
import { daysBetween } from '../calendar/days-between.js';
import type { Instalment, InstalmentPaid } from '../types.js';

/**
 * Penalty interest accrued on an instalment's overdue principal up to `date`: what was accrued
 * before plus unpaid principal × penaltyDailyRate × actual days since the due date (or since the
 * last accrual), that segment rounded once half-even. Principal paid later stops accruing from
 * the day it is paid.
 */
export function penaltyAccruedTo(row: Instalment, paid: InstalmentPaid, date: string, penaltyDailyRate: number): number {
  const unpaid = row.principalFen - paid.principalFen;
  const from = paid.penaltyAccruedTo !== null && paid.penaltyAccruedTo > row.dueDate ? paid.penaltyAccruedTo : row.dueDate;
  const days = daysBetween(from, date);
  if (unpaid <= 0 || days <= 0 || penaltyDailyRate === 0) return paid.penaltyAccruedFen;
  return paid.penaltyAccruedFen + multiplyFenByRate(unpaid, exactMultiply(exactFromDecimal(penaltyDailyRate, 'penaltyDailyRate'), exact(BigInt(days))));
}
