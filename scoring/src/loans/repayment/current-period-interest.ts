import { accrualDays } from '../calendar/accrual-days.js';
import { accrueInterest } from '../schedule/accrue-interest.js';
import type { LoanState } from '../types.js';

export interface CurrentPeriodInterest {
  /** Index of the first instalment due after the date, or -1 when none is. */
  index: number;
  /** Principal still outstanding (all instalments from that one on). */
  outstandingPrincipalFen: number;
  /** Interest of the current period accrued up to the date (including any fixed by an earlier early repayment). */
  accruedFen: number;
  /** accruedFen less the interest already paid on that instalment (never negative). */
  unpaidFen: number;
}

/**
 * Interest of the period running on `date` (the first instalment due after it): accrued from the
 * period's start — the previous due date or disbursement, or the last early repayment inside the
 * period — on the outstanding principal under the schedule's day count, plus what that early
 * repayment fixed.
 */
export function currentPeriodInterest(state: LoanState, date: string): CurrentPeriodInterest {
  const rows = state.schedule.instalments;
  const index = rows.findIndex((r) => r.dueDate > date);
  if (index < 0) return { index, outstandingPrincipalFen: 0, accruedFen: 0, unpaidFen: 0 };
  let outstanding = 0;
  for (let j = index; j < rows.length; j++) outstanding += rows[j]!.principalFen - state.paid[j]!.principalFen;
  const row = rows[index]!;
  const periodStart = index === 0 ? state.schedule.disbursementDate : rows[index - 1]!.dueDate;
  const fixed = state.periodAccrual !== null && state.periodAccrual.number === row.number ? state.periodAccrual : null;
  const start = fixed ? fixed.accruedFrom : periodStart;
  const { dayCount, annualRate } = state.schedule;
  const accruedFen = (fixed ? fixed.lockedInterestFen : 0) + accrueInterest(outstanding, annualRate, dayCount, accrualDays(dayCount, start, date));
  return { index, outstandingPrincipalFen: outstanding, accruedFen, unpaidFen: Math.max(0, accruedFen - state.paid[index]!.interestFen) };
}
