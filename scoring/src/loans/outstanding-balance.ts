import { isIsoDate } from '../points/is-iso-date.js';
import { daysBetween } from './calendar/days-between.js';
import { LoanInputError } from './loan-input-error.js';
import { currentPeriodInterest } from './repayment/current-period-interest.js';
import { penaltyAccruedTo } from './repayment/penalty-accrued-to.js';
import type { InstalmentBalance, InstalmentStatus, LoanState, LoanStatus, OutstandingBalance } from './types.js';

/**
 * What is owed on `asOf`, per instalment and in total — what the daily overdue job needs.
 * An unpaid instalment is `due` on its due date, `in_grace` for terms.graceDays days after it,
 * `overdue` once more than graceDays days past due and `defaulted` once more than
 * terms.defaultAfterDays days past due; the loan takes its worst instalment's status
 * (OVERDUE, DEFAULTED), else CURRENT, or CLOSED when nothing is left to pay. Penalty interest
 * accrues from the due date but is payable only once the instalment is past the grace period.
 */
export function outstandingBalance(state: LoanState, asOf: string): OutstandingBalance {
  if (!isIsoDate(asOf)) throw new LoanInputError(`asOf must be a date YYYY-MM-DD, got "${asOf}"`, 'asOf');
  const { terms } = state;
  const rows = state.schedule.instalments;
  const instalments: InstalmentBalance[] = rows.map((row, i) => {
    const paid = state.paid[i]!;
    const unpaidPrincipalFen = row.principalFen - paid.principalFen;
    const unpaidInterestFen = row.interestFen - paid.interestFen;
    const daysPastDue = row.dueDate <= asOf ? daysBetween(row.dueDate, asOf) : 0;
    const penaltyFen = daysPastDue > terms.graceDays ? penaltyAccruedTo(row, paid, asOf, terms.penaltyDailyRate) - paid.penaltyFen : 0;
    const settled = unpaidPrincipalFen === 0 && unpaidInterestFen === 0 && penaltyFen === 0;
    const status: InstalmentStatus = settled
      ? 'paid'
      : row.dueDate > asOf
        ? 'not_due'
        : daysPastDue === 0
          ? 'due'
          : daysPastDue <= terms.graceDays
            ? 'in_grace'
            : daysPastDue > terms.defaultAfterDays
              ? 'defaulted'
              : 'overdue';
    return { number: row.number, dueDate: row.dueDate, status, daysPastDue: settled || status === 'not_due' ? 0 : daysPastDue, unpaidPrincipalFen, unpaidInterestFen, penaltyFen };
  });
  const late = instalments.filter((i) => i.status === 'overdue' || i.status === 'defaulted');
  const sum = (list: InstalmentBalance[], pick: (i: InstalmentBalance) => number) => list.reduce((total, i) => total + pick(i), 0);
  const dueInterest = sum(instalments.filter((i) => i.dueDate <= asOf), (i) => i.unpaidInterestFen);
  const running = currentPeriodInterest(state, asOf);
  const principalOutstandingFen = sum(instalments, (i) => i.unpaidPrincipalFen);
  const open = instalments.some((i) => i.status !== 'paid');
  const status: LoanStatus = !open ? 'CLOSED' : late.some((i) => i.status === 'defaulted') ? 'DEFAULTED' : late.length > 0 ? 'OVERDUE' : 'CURRENT';
  return {
    asOf,
    status,
    principalOutstandingFen,
    interestAccruedFen: dueInterest + running.unpaidFen,
    penaltyFen: sum(instalments, (i) => i.penaltyFen),
    overdue: { principalFen: sum(late, (i) => i.unpaidPrincipalFen), interestFen: sum(late, (i) => i.unpaidInterestFen), penaltyFen: sum(late, (i) => i.penaltyFen), instalments: late.length },
    maxDaysPastDue: instalments.reduce((most, i) => Math.max(most, i.daysPastDue), 0),
    graceDays: terms.graceDays,
    defaultAfterDays: terms.defaultAfterDays,
    instalments,
  };
}
