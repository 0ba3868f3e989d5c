// Types of the guarantee rules. Amounts in integer fen, rates and shares in basis points.

export interface RiskShares {
  originalGuarantorBp: number;
  reguarantorBp: number;
  bankBp: number;
  localGovernmentBp: number;
}

export interface FeeCapTier {
  /** The tier applies while the borrower's total guaranteed amount is at most this (the last tier may be unlimited). */
  maxSingleBorrowerFen?: number;
  maxAnnualRateBp: number;
  label?: string;
}

export interface GuaranteeApprovalTier {
  level: string;
  label: string;
  maxAmountFen?: number;
}

export interface GuaranteeRules {
  version: string;
  effectiveFrom: string;
  currency: 'CNY';
  rounding: 'half-even';
  coverageRatioBp: number;
  riskShares: RiskShares & { source?: string };
  feeCaps: FeeCapTier[];
  portfolioAverageFeeTargetBp: number;
  gradeFeeDiscountBp: Record<string, number>;
  capacity: { outstandingMultiple: number; smallBusinessAgricultureMultiple: number; singleObligorShareBp: number; source?: string };
  claims: { overdueDaysBeforeClaim: number; daysToPay: number; reguaranteeClaimDays: number; source?: string };
  approvalTiers: GuaranteeApprovalTier[];
}

/** The four parties of a split, in the order remainders are handed out. */
export const riskParties = ['originalGuarantor', 'reguarantor', 'bank', 'localGovernment'] as const;
export type RiskParty = (typeof riskParties)[number];
export type RiskSplit = Record<RiskParty, number>;

export interface FeeCapCheck {
  allowed: boolean;
  annualRateBp: number;
  capAnnualRateBp: number;
  singleBorrowerFen: number;
  tier: FeeCapTier;
  message: string;
}

export interface CapacityInput {
  netAssetsFen: number;
  /** The institution mainly serves small business and agriculture (the higher multiple applies). */
  mainlySmallBusinessAgriculture: boolean;
  /** Outstanding guarantees of the institution before this one. */
  outstandingFen: number;
  /** Outstanding guarantees of this obligor before this one. */
  obligorOutstandingFen: number;
  requestFen: number;
}

export interface CapacityBreach {
  limit: 'outstanding_multiple' | 'single_obligor';
  limitFen: number;
  afterFen: number;
  message: string;
}

export interface CapacityCheck {
  allowed: boolean;
  multiple: number;
  outstandingLimitFen: number;
  outstandingAfterFen: number;
  obligorLimitFen: number;
  obligorAfterFen: number;
  breaches: CapacityBreach[];
}

export interface PortfolioFee {
  /** Amount-weighted average annual fee rate, bp, as an exact decimal string with 4 places. */
  averageAnnualRateBp: string;
  totalFen: number;
  targetBp: number;
  belowTarget: boolean;
}

export interface ClaimTimeline {
  claimableFrom: string;
  payBy: string | null;
  reguaranteeClaimBy: string | null;
}
