import { amortise } from '../schedule/amortise.js';
import { periodicRate } from '../schedule/periodic-rate.js';
import { scheduleTotals } from '../schedule/schedule-totals.js';
import type { InstalmentPaid, LoanState, PrepaymentMode } from '../types.js';
import { remainingCount } from './remaining-count.js';

/**
 * The state after an early repayment on `date` has brought the outstanding principal down to
 * `principalFen`, the instalment at `index` being the one running. Rows before it are kept; from
 * it on the schedule is rebuilt from `date` (interest of the first rebuilt period accrues from
 * `date` on the new principal) over the same due dates — all of them (reduce_instalment), or as
 * few as keep the level amount (shorten_term). The running instalment keeps its opening principal
 * and due date and carries what has been paid on it (the early principal and the interest fixed
 * up to `date`), so every instalment still reads opening − principal = closing and the principal
 * parts still add up to the loan's principal.
 */
export function reamortise(state: LoanState, index: number, principalFen: number, date: string, mode: PrepaymentMode): Pick<LoanState, 'schedule' | 'paid'> {
  const { schedule } = state;
  const rows = schedule.instalments;
  const running = rows[index]!;
  const paidRunning = state.paid[index]!;
  const rate = periodicRate(schedule.annualRate, schedule.frequency);
  const available = rows.length - index;
  const count = principalFen === 0 ? 1 : mode === 'shorten_term' ? remainingCount(schedule, principalFen, rate, available) : available;
  const rebuilt = amortise({
    principalFen,
    annualRate: schedule.annualRate,
    method: schedule.method,
    frequency: schedule.frequency,
    dayCount: schedule.dayCount,
    accrualStart: date,
    dueDates: rows.slice(index, index + count).map((r) => r.dueDate),
    firstNumber: running.number,
    ...(mode === 'shorten_term' && schedule.levelInstalmentFen !== null ? { levelInstalmentFen: schedule.levelInstalmentFen } : {}),
    ...(mode === 'shorten_term' && schedule.levelPrincipalFen !== null ? { levelPrincipalFen: schedule.levelPrincipalFen } : {}),
  });
  const first = rebuilt.instalments[0]!;
  const principalPart = paidRunning.principalFen + first.principalFen;
  const interestPart = paidRunning.interestFen + first.interestFen;
  const merged = { ...first, days: running.days, openingPrincipalFen: running.openingPrincipalFen, principalFen: principalPart, interestFen: interestPart, totalFen: principalPart + interestPart };
  const instalments = [...rows.slice(0, index), merged, ...rebuilt.instalments.slice(1)];
  const fresh = (n: number): InstalmentPaid => ({ number: n, principalFen: 0, interestFen: 0, penaltyFen: 0, penaltyAccruedFen: 0, penaltyAccruedTo: null });
  const paid = [...state.paid.slice(0, index + 1), ...rebuilt.instalments.slice(1).map((r) => fresh(r.number))];
  const note = ` Early repayment on ${date}: remaining principal ${principalFen} fen re-amortised from that date (${mode === 'shorten_term' ? 'shorter term, same level amount' : 'same term, lower instalment'}), interest of the running period fixed up to that date.`;
  return {
    schedule: {
      ...schedule,
      maturityDate: instalments[instalments.length - 1]!.dueDate,
      levelInstalmentFen: rebuilt.levelInstalmentFen,
      levelPrincipalFen: rebuilt.levelPrincipalFen,
      instalments,
      totals: scheduleTotals(instalments),
      convention: schedule.convention + note,
    },
    paid,
  };
}
