import { buildRepaymentSchedule } from '../build-repayment-schedule.js';
import { openLoanState } from '../open-loan-state.js';
import type { LoanState, LoanTerms } from '../types.js';

export const terms: LoanTerms = { penaltyDailyRate: 0.0005, graceDays: 3, defaultAfterDays: 90 };

/**
 * 30 000 yuan, 3.6 %, equal principal, monthly, 30/360, disbursed 15 Jan 2026:
 * due 15 Feb, 15 Mar, 15 Apr; principal 1 000 000 each; interest 3 000 000 × 0.003 = 9 000,
 * 2 000 000 × 0.003 = 6 000, 1 000 000 × 0.003 = 3 000.
 */
export function threeMonthLoan(): LoanState {
  const schedule = buildRepaymentSchedule({ principalFen: 3_000_000, annualRate: 0.036, method: 'equal_principal', frequency: 'monthly', termMonths: 3, disbursementDate: '2026-01-15', dayCount: '30_360' });
  return openLoanState(schedule, terms);
}

/** 100 000 yuan, 4.35 %, annuity, monthly, actual/360, 24 months, disbursed 10 Mar 2026. */
export function annuityLoan(): LoanState {
  const schedule = buildRepaymentSchedule({ principalFen: 10_000_000, annualRate: 0.0435, method: 'equal_instalment', frequency: 'monthly', termMonths: 24, disbursementDate: '2026-03-10', dayCount: 'actual_360' });
  return openLoanState(schedule, terms);
}
