import { LoanInputError } from './loan-input-error.js';
import type { LoanState, LoanTerms, RepaymentSchedule } from './types.js';

/**
 * The repayment state of a newly disbursed loan: its schedule, the contract's overdue terms
 * (penalty rate, grace days, default threshold — e.g. the `overdue` block of the loan-pricing
 * configuration) and nothing paid yet.
 */
export function openLoanState(schedule: RepaymentSchedule, terms: LoanTerms): LoanState {
  if (!(Number.isFinite(terms.penaltyDailyRate) && terms.penaltyDailyRate >= 0 && terms.penaltyDailyRate <= 0.01)) {
    throw new LoanInputError(`terms.penaltyDailyRate must be a decimal between 0 and 0.01 a day, got ${terms.penaltyDailyRate}`, 'terms.penaltyDailyRate');
  }
  if (!(Number.isSafeInteger(terms.graceDays) && terms.graceDays >= 0)) {
    throw new LoanInputError(`terms.graceDays must be a whole number of days ≥ 0, got ${terms.graceDays}`, 'terms.graceDays');
  }
  if (!(Number.isSafeInteger(terms.defaultAfterDays) && terms.defaultAfterDays >= terms.graceDays)) {
    throw new LoanInputError(`terms.defaultAfterDays must be a whole number of days ≥ graceDays (${terms.graceDays}), got ${terms.defaultAfterDays}`, 'terms.defaultAfterDays');
  }
  return {
    schedule,
    terms: { penaltyDailyRate: terms.penaltyDailyRate, graceDays: terms.graceDays, defaultAfterDays: terms.defaultAfterDays },
    paid: schedule.instalments.map((i) => ({ number: i.number, principalFen: 0, interestFen: 0, penaltyFen: 0, penaltyAccruedFen: 0, penaltyAccruedTo: null })),
    periodAccrual: null,
    lastPaymentDate: null,
  };
}
