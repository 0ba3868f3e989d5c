// Loan mathematics (issue 8) and the green taxonomy shared with green bonds (issue 10): pure, one
// operation per file. Amounts in fen, rates as decimals (*Rate) or basis points (*Bp), ISO dates.
export { buildRepaymentSchedule } from './build-repayment-schedule.js';
export { openLoanState } from './open-loan-state.js';
export { applyRepayment } from './apply-repayment.js';
export { outstandingBalance } from './outstanding-balance.js';
export { suggestRate } from './suggest-rate.js';
export { maxLoanAmount } from './max-loan-amount.js';
export { ratePricingFromConfig } from './pricing/rate-pricing-from-config.js';
export { approvalLevelFor } from './pricing/approval-level-for.js';
export { defaultLoanPricingConfig } from './default-loan-pricing-config.js';
export { validateScheduleRequest } from './validation/validate-schedule-request.js';
export { validateRepayment } from './validation/validate-repayment.js';
export { validateLoanPricingConfig } from './validation/validate-loan-pricing-config.js';
export { LoanInputError } from './loan-input-error.js';
export { addMonths } from './calendar/add-months.js';
export { accrualDays } from './calendar/accrual-days.js';
export { greenTaxonomy } from './taxonomy/green-taxonomy.js';
export { validateGreenTaxonomy } from './taxonomy/validate-green-taxonomy.js';
export { findTaxonomyEntry } from './taxonomy/find-taxonomy-entry.js';
export { taxonomyCategories } from './taxonomy/taxonomy-categories.js';
export { isEligibleUse } from './taxonomy/is-eligible-use.js';
export type {
  AllocationComponent,
  AllocationLine,
  ApprovalTier,
  DayCount,
  GradeDiscount,
  GuaranteeCover,
  Instalment,
  InstalmentBalance,
  InstalmentPaid,
  InstalmentStatus,
  LoanPricingConfig,
  LoanState,
  LoanStatus,
  LoanTerms,
  MaxLoan,
  OutstandingBalance,
  Payment,
  PeriodAccrual,
  PledgedValuation,
  PrepaymentMode,
  RateComponent,
  RatePricing,
  RepaymentFrequency,
  RepaymentMethod,
  RepaymentResult,
  RepaymentSchedule,
  ScheduleRequest,
  ScheduleTotals,
  SuggestedRate,
} from './types.js';
export type { GreenTaxonomy, NamedCode, TaxonomyCategory, TaxonomyCategoryTree, TaxonomyEntry, TaxonomyEntryData, TaxonomyMeasure, TaxonomySource } from './taxonomy/types.js';
