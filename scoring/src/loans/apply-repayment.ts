import { daysBetween } from './calendar/days-between.js';
import { LoanInputError } from './loan-input-error.js';
import { outstandingBalance } from './outstanding-balance.js';
import { currentPeriodInterest } from './repayment/current-period-interest.js';
import { penaltyAccruedTo } from './repayment/penalty-accrued-to.js';
import { reamortise } from './repayment/reamortise.js';
import type { AllocationLine, LoanState, RepaymentResult } from './types.js';
import { validateRepayment } from './validation/validate-repayment.js';

/**
 * Applies a payment received on `date` to a loan's state and returns the new state, the
 * allocation lines and what is still owed.
 *
 * 1. Penalty interest on overdue principal is accrued to the date (see penaltyAccruedTo).
 * 2. Instalments due on or before the date, oldest first, each: penalty (only once past the grace
 *    period), then interest, then principal. An instalment settled within the grace period has
 *    its accrued penalty waived.
 * 3. Anything left is an early repayment: first the interest of the running period accrued to the
 *    date, then principal; the remaining instalments are re-amortised from the date
 *    (`prepayment`: reduce_instalment keeps the term, shorten_term keeps the level amount).
 * 4. A remainder beyond the whole outstanding principal is returned as `unapplied`.
 *
 * Payments must come in date order and not before disbursement (LoanInputError names `date`).
 */
export function applyRepayment(state: LoanState, payment: unknown): RepaymentResult {
  const { amountFen, date, prepayment = 'reduce_instalment' } = validateRepayment(payment);
  if (date < state.schedule.disbursementDate) throw new LoanInputError(`payment date ${date} is before disbursement on ${state.schedule.disbursementDate}`, 'date');
  if (state.lastPaymentDate !== null && date < state.lastPaymentDate) throw new LoanInputError(`payment date ${date} is before the last payment on ${state.lastPaymentDate}; payments are applied in date order`, 'date');
  const { terms } = state;
  const rows = state.schedule.instalments;
  const paid = state.paid.map((p) => ({ ...p }));
  const lines: AllocationLine[] = [];
  let left = amountFen;
  const take = (instalment: number | null, component: AllocationLine['component'], owed: number): number => {
    const amount = Math.min(left, Math.max(0, owed));
    if (amount > 0) {
      lines.push({ instalment, component, amountFen: amount });
      left -= amount;
    }
    return amount;
  };

  rows.forEach((row, i) => {
    if (row.dueDate >= date) return;
    const p = paid[i]!;
    p.penaltyAccruedFen = penaltyAccruedTo(row, p, date, terms.penaltyDailyRate);
    p.penaltyAccruedTo = date;
  });
  rows.forEach((row, i) => {
    if (row.dueDate > date) return;
    const p = paid[i]!;
    const daysPastDue = daysBetween(row.dueDate, date);
    if (daysPastDue > terms.graceDays) p.penaltyFen += take(row.number, 'penalty', p.penaltyAccruedFen - p.penaltyFen);
    p.interestFen += take(row.number, 'interest', row.interestFen - p.interestFen);
    p.principalFen += take(row.number, 'principal', row.principalFen - p.principalFen);
    if (daysPastDue <= terms.graceDays && p.principalFen === row.principalFen && p.interestFen === row.interestFen) p.penaltyAccruedFen = p.penaltyFen;
  });

  let next: LoanState = { ...state, paid, lastPaymentDate: date };
  if (left > 0) {
    const running = currentPeriodInterest(next, date);
    if (running.index >= 0) {
      const p = paid[running.index]!;
      p.interestFen += take(rows[running.index]!.number, 'accrued_interest', running.unpaidFen);
      const early = take(rows[running.index]!.number, 'early_principal', running.outstandingPrincipalFen);
      if (early > 0) {
        p.principalFen += early;
        const rebuilt = reamortise(next, running.index, running.outstandingPrincipalFen - early, date, prepayment);
        next = { ...next, ...rebuilt, periodAccrual: { number: rows[running.index]!.number, lockedInterestFen: running.accruedFen, accruedFrom: date } };
      }
    }
  }
  const unappliedFen = left;
  if (unappliedFen > 0) lines.push({ instalment: null, component: 'unapplied', amountFen: unappliedFen });
  return { state: next, lines, appliedFen: amountFen - unappliedFen, unappliedFen, outstanding: outstandingBalance(next, date) };
}
