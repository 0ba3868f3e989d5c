// The loan maths of the scoring library, as the workflow uses it. Nothing here computes interest
// or schedules: it picks the configuration and turns the library's input errors into AppErrors.
import {
  applyRepayment, buildRepaymentSchedule, defaultLoanPricingConfig, findTaxonomyEntry, greenTaxonomy, LoanInputError, maxLoanAmount,
  openLoanState, outstandingBalance, ratePricingFromConfig, suggestRate,
  type LoanState, type OutstandingBalance, type PledgedValuation, type RepaymentResult, type RepaymentSchedule,
} from '@eco/scoring';
import { AppError } from '../errors/index.js';
import type { RepaymentFrequency, RepaymentMethod } from '../../db/loans/loan.types.js';

function guarded<T>(field: string, run: () => T): T {
  try {
    return run();
  } catch (e) {
    if (e instanceof LoanInputError) throw new AppError('VALIDATION_FAILED', e.message, { field: (e as { field?: string }).field ?? field });
    throw e;
  }
}

export const loanMaths = {
  pricing: defaultLoanPricingConfig,
  taxonomyVersion: greenTaxonomy.version,

  taxonomyEntry(code: string): { eligible: boolean; name: string | null; pbocLoanUse: string | null } {
    const entry = findTaxonomyEntry(code);
    return entry ? { eligible: entry.eligible, name: entry.zh, pbocLoanUse: entry.pbocLoanUse.code } : { eligible: false, name: null, pbocLoanUse: null };
  },

  /** The eligible uses of proceeds for the application form, in table order. */
  eligibleUses(): { code: string; zh: string; en: string; category: { code: string; zh: string; en: string } }[] {
    return greenTaxonomy.entries.filter((e) => e.eligible).map((e) => {
      const entry = findTaxonomyEntry(e.code)!;
      return { code: e.code, zh: e.zh, en: e.en, category: { code: entry.category.code, zh: entry.category.zh, en: entry.category.en } };
    });
  },

  maxLoan(pledges: readonly PledgedValuation[]) {
    return guarded('assetIds', () => maxLoanAmount(pledges));
  },

  /** Base rate + risk spread − grade discount, within floor and cap (a surcharge grade gets no discount). */
  suggestedRate(grade: string | null, loanRateDiscountBp: number) {
    const benefits = grade ? { grade, loanRateDiscountBp: Math.max(0, loanRateDiscountBp) } : null;
    return guarded('rate', () => suggestRate(ratePricingFromConfig(defaultLoanPricingConfig), benefits));
  },

  schedule(input: { principalFen: number; annualRateBp: number; method: RepaymentMethod; frequency: RepaymentFrequency; termMonths: number; disbursementDate: string }): RepaymentSchedule {
    return guarded('schedule', () => buildRepaymentSchedule({
      principalFen: input.principalFen, annualRate: input.annualRateBp / 10_000, method: input.method, frequency: input.frequency,
      termMonths: input.termMonths, disbursementDate: input.disbursementDate, dayCount: defaultLoanPricingConfig.schedule.dayCount,
    }));
  },

  open(schedule: RepaymentSchedule): LoanState {
    const { penaltyDailyRate, graceDays, defaultAfterDays } = defaultLoanPricingConfig.overdue;
    return openLoanState(schedule, { penaltyDailyRate, graceDays, defaultAfterDays });
  },

  repay(state: LoanState, payment: { amountFen: number; date: string; prepayment?: 'reduce_instalment' | 'shorten_term' | undefined }): RepaymentResult {
    return guarded('amountFen', () => applyRepayment(state, { ...payment, prepayment: payment.prepayment ?? defaultLoanPricingConfig.schedule.prepayment }));
  },

  outstanding(state: LoanState, asOf: string): OutstandingBalance {
    return guarded('asOf', () => outstandingBalance(state, asOf));
  },
};
