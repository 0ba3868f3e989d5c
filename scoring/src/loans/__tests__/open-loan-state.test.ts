import { buildRepaymentSchedule } from '../build-repayment-schedule.js';
import { defaultLoanPricingConfig } from '../default-loan-pricing-config.js';
import { openLoanState } from '../open-loan-state.js';

const schedule = buildRepaymentSchedule({ principalFen: 100_000, annualRate: 0.04, method: 'equal_principal', frequency: 'monthly', termMonths: 2, disbursementDate: '2026-01-01', dayCount: 'actual_365' });

describe('openLoanState', () => {
  it('starts with nothing paid, taking the overdue terms straight from the pricing configuration', () => {
    const state = openLoanState(schedule, defaultLoanPricingConfig.overdue);
    expect(state.terms).toEqual({ penaltyDailyRate: 0.0002, graceDays: 3, defaultAfterDays: 90 });
    expect(state.paid).toEqual([
      { number: 1, principalFen: 0, interestFen: 0, penaltyFen: 0, penaltyAccruedFen: 0, penaltyAccruedTo: null },
      { number: 2, principalFen: 0, interestFen: 0, penaltyFen: 0, penaltyAccruedFen: 0, penaltyAccruedTo: null },
    ]);
    expect(state).toMatchObject({ periodAccrual: null, lastPaymentDate: null });
  });

  it('refuses terms that make no sense, naming the field', () => {
    expect(() => openLoanState(schedule, { penaltyDailyRate: 0.5, graceDays: 3, defaultAfterDays: 90 })).toThrow(expect.objectContaining({ field: 'terms.penaltyDailyRate' }));
    expect(() => openLoanState(schedule, { penaltyDailyRate: 0, graceDays: -1, defaultAfterDays: 90 })).toThrow(expect.objectContaining({ field: 'terms.graceDays' }));
    expect(() => openLoanState(schedule, { penaltyDailyRate: 0, graceDays: 10, defaultAfterDays: 5 })).toThrow(expect.objectContaining({ field: 'terms.defaultAfterDays' }));
  });
});
