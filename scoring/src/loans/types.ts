// Types of the loan mathematics (issue 8). Amounts are safe-integer fen; rates are decimals
// (0.0345 = 3.45 %) named *Rate, or basis points named *Bp; dates are ISO `YYYY-MM-DD` (UTC).

export type RepaymentMethod = 'equal_instalment' | 'equal_principal';
export type RepaymentFrequency = 'monthly' | 'quarterly';
/** actual_360 / actual_365: actual calendar days over 360 / 365; 30_360: 30/360 bond basis (ISDA). */
export type DayCount = 'actual_360' | 'actual_365' | '30_360';
/** What an early repayment does to the remaining instalments. */
export type PrepaymentMode = 'reduce_instalment' | 'shorten_term';

export interface ScheduleRequest {
  principalFen: number;
  /** Contract annual rate as a decimal (0.0345 = 3.45 %). */
  annualRate: number;
  method: RepaymentMethod;
  frequency: RepaymentFrequency;
  /** Whole months; a multiple of 3 for quarterly repayment. */
  termMonths: number;
  disbursementDate: string;
  /** Defaults to one period after disbursement, same day of month (clamped to the month's end). */
  firstDueDate?: string;
  dayCount: DayCount;
}

export interface Instalment {
  number: number;
  dueDate: string;
  /** Days of the accrual period under the day count (30/360 days for 30_360). */
  days: number;
  openingPrincipalFen: number;
  principalFen: number;
  interestFen: number;
  totalFen: number;
  closingPrincipalFen: number;
}

export interface ScheduleTotals {
  principalFen: number;
  interestFen: number;
  totalFen: number;
}

export interface RepaymentSchedule {
  method: RepaymentMethod;
  frequency: RepaymentFrequency;
  dayCount: DayCount;
  principalFen: number;
  annualRate: number;
  termMonths: number;
  disbursementDate: string;
  firstDueDate: string;
  maturityDate: string;
  /** annualRate / 12 (monthly) or / 4 (quarterly) as decimal text, rounded half-even to 12 places for display (computed exactly). */
  periodicRate: string;
  /** The level instalment of an annuity (equal_instalment), else null. */
  levelInstalmentFen: number | null;
  /** The level principal part of equal_principal, else null. */
  levelPrincipalFen: number | null;
  instalments: Instalment[];
  totals: ScheduleTotals;
  rounding: 'half-even';
  /** The exact rules used, in words. */
  convention: string;
}

/** Contract terms that govern repayment, overdue and default (from the loan-pricing configuration). */
export interface LoanTerms {
  /** Penalty interest per day on overdue principal, decimal (0.0005 = 0.05 % a day); 0 = none. */
  penaltyDailyRate: number;
  /** Days after a due date during which an unpaid instalment is not yet overdue and bears no penalty. */
  graceDays: number;
  /** An instalment more than this many days past due is in default. */
  defaultAfterDays: number;
}

/** What has been paid against one instalment, and its penalty accrued so far. */
export interface InstalmentPaid {
  number: number;
  principalFen: number;
  interestFen: number;
  penaltyFen: number;
  /** Penalty interest accrued on this instalment's overdue principal up to penaltyAccruedTo. */
  penaltyAccruedFen: number;
  penaltyAccruedTo: string | null;
}

/** Interest of the current period already fixed by an early repayment inside it. */
export interface PeriodAccrual {
  number: number;
  /** Interest accrued in the period up to `accruedFrom` (already charged). */
  lockedInterestFen: number;
  accruedFrom: string;
}

export interface LoanState {
  schedule: RepaymentSchedule;
  terms: LoanTerms;
  /** One entry per instalment of the schedule, same order. */
  paid: InstalmentPaid[];
  periodAccrual: PeriodAccrual | null;
  lastPaymentDate: string | null;
}

export interface Payment {
  amountFen: number;
  date: string;
  /** What an overpayment does to the remaining instalments (default reduce_instalment). */
  prepayment?: PrepaymentMode;
}

export type AllocationComponent = 'penalty' | 'interest' | 'principal' | 'accrued_interest' | 'early_principal' | 'unapplied';

export interface AllocationLine {
  /** Instalment the amount went to; null for an unapplied remainder. */
  instalment: number | null;
  component: AllocationComponent;
  amountFen: number;
}

export type InstalmentStatus = 'paid' | 'not_due' | 'due' | 'in_grace' | 'overdue' | 'defaulted';
export type LoanStatus = 'CLOSED' | 'CURRENT' | 'OVERDUE' | 'DEFAULTED';

export interface InstalmentBalance {
  number: number;
  dueDate: string;
  status: InstalmentStatus;
  /** asOf − dueDate in days when unpaid and due, else 0. */
  daysPastDue: number;
  unpaidPrincipalFen: number;
  unpaidInterestFen: number;
  /** Penalty payable (accrued to asOf, after the grace period), unpaid. */
  penaltyFen: number;
}

export interface OutstandingBalance {
  asOf: string;
  status: LoanStatus;
  principalOutstandingFen: number;
  /** Unpaid interest of instalments due by asOf plus interest of the current period accrued to asOf. */
  interestAccruedFen: number;
  penaltyFen: number;
  overdue: { principalFen: number; interestFen: number; penaltyFen: number; instalments: number };
  maxDaysPastDue: number;
  graceDays: number;
  defaultAfterDays: number;
  instalments: InstalmentBalance[];
}

export interface RepaymentResult {
  state: LoanState;
  lines: AllocationLine[];
  appliedFen: number;
  unappliedFen: number;
  outstanding: OutstandingBalance;
}

// ---- pricing (suggestRate) and the loan-pricing configuration ----

export interface ApprovalTier {
  level: string;
  label?: string;
  /** Largest amount this level may approve; absent on the top tier (no limit). */
  maxAmountFen?: number;
}

export interface LoanPricingConfig {
  $schema?: string;
  version: string;
  effectiveFrom: string;
  currency: 'CNY';
  rounding: 'half-even';
  baseRate: { name: string; annualRate: number; asOf: string; source: string };
  riskSpreadBp: number;
  floorAnnualRate: number;
  capAnnualRate: number;
  maxGradeDiscountBp: number;
  schedule: { method: RepaymentMethod; frequency: RepaymentFrequency; dayCount: DayCount; prepayment: PrepaymentMode };
  overdue: LoanTerms & { source: string };
  guarantee: { coverAllowed: boolean; maxCoverShareOfPledges: number };
  approvalLimits: { bankId: string; note?: string; tiers: ApprovalTier[] }[];
}

/** Inputs of suggestRate; rates are decimals, spreads basis points. */
export interface RatePricing {
  /** The base rate, e.g. the one-year LPR, decimal (0.03 = 3.00 %). */
  baseAnnualRate: number;
  baseRateName?: string;
  riskSpreadBp: number;
  /** Lowest and highest suggested rate, decimals. */
  floorAnnualRate: number;
  capAnnualRate: number;
  /** The grade discount is never more than this (basis points); absent = no limit. */
  maxGradeDiscountBp?: number;
}

/** The part of the points engine's BenefitsResult (benefitsForGrade) that pricing uses; a BenefitsResult can be passed as is. */
export interface GradeDiscount {
  grade: string;
  loanRateDiscountBp: number;
}

export interface RateComponent {
  component: 'base_rate' | 'risk_spread' | 'grade_discount' | 'floor' | 'cap';
  /** Change of the rate in basis points (may carry fractions when the base rate does), as decimal text. */
  bp: string;
  explanation: string;
}

export interface SuggestedRate {
  /** Suggested annual rate, decimal (0.0395 = 3.95 %), exact to 8 places. */
  annualRate: number;
  /** The same in basis points. */
  annualRateBp: number;
  /** Which bound applied, if any. */
  bound: 'floor' | 'cap' | null;
  components: RateComponent[];
}

// ---- maximum loan (maxLoanAmount) ----

/** One pledged asset with the valuation engine's result (valueAsset) for it. */
export interface PledgedValuation {
  assetId: string;
  valuation: {
    assetType: string;
    lendingValueFen: number;
    pledgeRate: number;
    maxLoanFen: number;
    maxTermYears: number;
    configVersion?: string;
  };
}

export interface GuaranteeCover {
  /** Amount the guarantee covers, fen. */
  coverFen: number;
  /** Whether the loan product lets a guarantee add to the pledge capacity. */
  productAllowsGuarantee: boolean;
  /** Counted cover is at most this multiple of the pledge capacity (decimal; default no limit). */
  maxCoverShareOfPledges?: number;
  guarantorId?: string;
}

export interface MaxLoan {
  pledges: { assetId: string; assetType: string; lendingValueFen: number; pledgeRate: number; maxLoanFen: number; maxTermMonths: number }[];
  pledgeCapacityFen: number;
  guaranteeCoverFen: number;
  maxLoanFen: number;
  /** The longest term every pledged right allows, months (min over the pledges). */
  maxTermMonths: number;
  bindingConstraint: { amount: 'pledges' | 'pledges_and_guarantee' | 'guarantee_share_cap' | 'none'; term: string | null };
  reasons: string[];
}
