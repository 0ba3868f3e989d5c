/** A guarantee as the API returns it (amounts in integer fen, rates and shares in basis points). */
export interface RiskShares {
  originalGuarantorBp: number;
  reguarantorBp: number;
  bankBp: number;
  localGovernmentBp: number;
}

export interface RiskSplit {
  originalGuarantor: number;
  reguarantor: number;
  bank: number;
  localGovernment: number;
}

export interface Guarantee {
  id: string;
  institutionId: string;
  bankId: string;
  reguarantorId: string | null;
  loanId: string;
  subjectId: string;
  state: string;
  stateSince: string;
  open: boolean;
  amountFen: number;
  termDays: number;
  requestNote: string;
  loan: { amountFen: number; termMonths: number; loanState: string; applicantName: string; bankName: string; grade: string | null; maxLoanFen: number | null; collateralValueFen: number | null; assetIds: string[]; purpose: string | null };
  recommendation: {
    proposedFeeRateBp: number; gradeDiscountBp: number; annualFeeRateBp: number; feeFen: number; riskShares: RiskShares; coverageRatioBp: number; findings: string; conditions: string[];
    feeCap: { capAnnualRateBp: number; singleBorrowerFen: number };
    capacity: { outstandingLimitFen: number; outstandingAfterFen: number; obligorLimitFen: number; obligorAfterFen: number; multiple: number };
    by: { username: string }; at: string;
  } | null;
  decision: { decision: string; note: string; level: string | null; by: { username: string }; at: string } | null;
  counterGuarantee: { kind: string; description: string; valueFen: number } | null;
  letter: { number: string; issuedAt: string; feeFen: number; annualFeeRateBp: number; startDate: string; endDate: string } | null;
  defaultNotice: { at: string; reason: string; overdueSince: string } | null;
  claim: { amountFen: number; claimedAt: string; payBy: string } | null;
  compensation: { amountFen: number; split: RiskSplit; paidToBankFen: number; at: string; reguaranteeClaimBy: string } | null;
  reguaranteeClaim: {
    amountFen: number; localGovernmentFen: number; at: string; payBy?: string | null;
    acknowledgedAt?: string | null; acknowledgedBy?: { username: string } | null; paidAt?: string | null; paidFen?: number | null; paidBy?: { username: string } | null;
  } | null;
  /** Claim timeline dates of the guarantee's rules version. */
  deadlines?: { claimableFrom: string | null; payBy: string | null; reguaranteeClaimBy: string | null; reguarantorPayBy: string | null };
  /** Deadlines passed with their step not done (claim unpaid, re-guarantee claim late, re-guarantor unpaid). */
  overdue?: string[];
  recoveries: { seq: number; amountFen: number; split: RiskSplit; note: string; at: string }[];
  recoveredFen: number;
  closure: { kind: string; lossFen: number; note: string } | null;
  history: { action: string; from: string | null; to: string; at: string; by: { username: string } | null; reason?: string }[];
  allowedActions: string[];
  ageDays: number;
  guarantorName: string;
}

export interface Guarantor {
  id: string;
  name: string;
  netAssetsFen: number;
  mainlySmallBusinessAgriculture: boolean;
  /** A provincial re-guarantor (banks ask the direct guarantors). */
  isReguarantor: boolean;
}

export interface Portfolio {
  netAssetsFen: number;
  mainlySmallBusinessAgriculture: boolean;
  outstandingFen: number;
  capacityMultiple: number;
  capacityLimitFen: number;
  obligorLimitFen: number;
  averageFee: { averageAnnualRateBp: string; totalFen: number; targetBp: number; belowTarget: boolean };
  byState: Record<string, { count: number; amountFen: number }>;
  largestObligors: { subjectId: string; name: string; amountFen: number }[];
  feesChargedFen: number;
  compensatedFen: number;
  recoveredFen: number;
  rulesVersion: string;
}

export const GUARANTEE_STATES = [
  'APPLIED', 'DUE_DILIGENCE', 'COMMITTEE_REVIEW', 'APPROVED', 'REJECTED', 'COUNTER_GUARANTEE_PENDING', 'LETTER_ISSUED', 'IN_FORCE', 'RELEASED',
  'DEFAULT_NOTIFIED', 'CLAIM_SUBMITTED', 'COMPENSATED', 'REGUARANTEE_CLAIMED', 'RECOVERING', 'CLOSED', 'WRITTEN_OFF',
] as const;

/** Which permission each step needs (mirrors the backend's state-machine table), for the buttons shown. */
export const STEP_PERMISSION: Record<string, string> = {
  startDueDiligence: 'guarantees.review', recommend: 'guarantees.review', decline: 'guarantees.review', approve: 'guarantees.approve', reject: 'guarantees.approve',
  requestCounterGuarantee: 'guarantees.review', issueLetter: 'guarantees.review', confirmDisbursement: 'loans.review', release: 'loans.review',
  submitClaim: 'loans.review', compensate: 'guarantees.approve', claimReguarantee: 'guarantees.review', startRecovery: 'guarantees.review',
  close: 'guarantees.approve', writeOff: 'guarantees.approve',
};

/** An asset the guarantor may take as counter-guarantee (valueFen: its last valuation, integer fen). */
export interface CounterGuaranteeAsset { id: string; name: string; assetType: string; certificateNumber: string; valueFen: number | null }
