// Securitisation of ecological-asset-backed loan pools (生态产品资产证券化, issue 14). Amounts in
// integer fen; rates as decimals per year (0.06 = 6 %); monthly rates are annual / 12.

export type TrancheClass = 'senior' | 'mezzanine' | 'subordinated';
export const trancheClasses: readonly TrancheClass[] = ['senior', 'mezzanine', 'subordinated'];

/** The pool as one amortising aggregate (balance, weighted average rate, weighted average remaining term). */
export interface WaterfallPool {
  balanceFen: number;
  annualRate: number;
  remainingMonths: number;
}

export interface TrancheSpec {
  name: string;
  class: TrancheClass;
  sizeFen: number;
  /** Annual coupon, decimal per year (subordinated usually 0: it takes the residual). */
  couponRate: number;
}

export interface WaterfallStructure {
  /** Senior first, then mezzanine, then subordinated; paid in this order, losses taken in reverse. */
  tranches: TrancheSpec[];
  /** Servicing, trustee and other senior fees, decimal per year of the pool balance at the start of each month. */
  feeRate: number;
  reserve: { initialFen: number; targetFen: number };
}

export interface WaterfallScenario {
  name: string;
  /** Constant default rate, decimal per year of the performing balance. */
  cdr: number;
  /** Constant prepayment rate, decimal per year of the balance after scheduled principal. */
  cpr: number;
  /** Share of a defaulted balance recovered. */
  recoveryRate: number;
  /** Months from default to recovery. */
  recoveryLagMonths: number;
}

export interface PoolMonth {
  month: number;
  beginBalanceFen: number;
  defaultsFen: number;
  interestFen: number;
  scheduledPrincipalFen: number;
  prepaymentFen: number;
  recoveriesFen: number;
  lossFen: number;
  endBalanceFen: number;
  feesFen: number;
  reserveDrawFen: number;
  reserveBalanceFen: number;
  residualFen: number;
}

export interface TrancheMonth {
  month: number;
  interestFen: number;
  principalFen: number;
  writedownFen: number;
  /** Interest due and not paid, carried to the next month (cumulative). */
  interestShortfallFen: number;
  balanceFen: number;
}

export interface TrancheResult {
  name: string;
  class: TrancheClass;
  sizeFen: number;
  couponRate: number;
  cashflows: TrancheMonth[];
  totalInterestFen: number;
  totalPrincipalFen: number;
  /** Principal written down (losses allocated bottom-up). */
  lossFen: number;
  unpaidInterestFen: number;
  /** Σ month × principal / (12 × Σ principal), years to 4 decimals; null when no principal was paid. */
  walYears: number | null;
  paidInFull: boolean;
}

export interface WaterfallProjection {
  scenario: WaterfallScenario;
  months: number;
  pool: PoolMonth[];
  tranches: TrancheResult[];
  totals: { defaultsFen: number; lossFen: number; recoveriesFen: number; interestFen: number; principalFen: number; feesFen: number; residualFen: number };
  convention: string;
  rounding: 'half-even';
}

/** Versioned configuration (scoring/config/securitisation-config.json). */
export interface SecuritisationConfig {
  version: string;
  effectiveFrom: string;
  currency: 'CNY';
  rounding: 'half-even';
  scenarios: WaterfallScenario[];
  /** Ecological stresses of the valuation engine mapped onto the pool: default multiplier; recoveries scale with the collateral's stressed value. */
  ecologicalStress: Record<string, { cdrMultiplier: number; label: string }>;
  defaultCriteria: PoolCriteria;
  source?: string;
}

/** Selection criteria for a pool (all optional; a missing criterion is not applied). */
export interface PoolCriteria {
  assetTypes?: string[];
  grades?: string[];
  /** LTV ceiling, decimal (loan outstanding / collateral value). */
  maxLtv?: number;
  /** Months since disbursement, at least. */
  minSeasoningMonths?: number;
  /** Largest share of the pool balance one borrower / prefecture / industry may hold, decimal. */
  maxBorrowerShare?: number;
  maxPrefectureShare?: number;
  maxIndustryShare?: number;
}

/** What the pool selection knows about a candidate loan. */
export interface CandidateLoan {
  loanId: string;
  borrowerId: string;
  outstandingFen: number;
  annualRate: number;
  remainingMonths: number;
  seasoningMonths: number;
  /** Collateral value (latest valuations of the pledged assets), fen. */
  collateralValueFen: number;
  assetTypes: string[];
  grade: string | null;
  prefecture: string;
  industry: string;
  /** Green-taxonomy category code of the use of proceeds. */
  greenCategory: string | null;
  /** The loan sits in another pool already (marker on the loan). */
  inPool: string | null;
}

export type CriterionCode = 'IN_OTHER_POOL' | 'ASSET_TYPE' | 'GRADE' | 'LTV' | 'SEASONING' | 'BORROWER_CONCENTRATION' | 'PREFECTURE_CONCENTRATION' | 'INDUSTRY_CONCENTRATION';

export interface ExcludedLoan {
  loanId: string;
  failures: { criterion: CriterionCode; reason: string }[];
}

export interface PoolSelection {
  included: string[];
  excluded: ExcludedLoan[];
  balanceFen: number;
}
