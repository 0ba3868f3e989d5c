// Plain objects of the guarantee area (what the repositories return). Money in integer fen, rates
// and shares in basis points.
import type { RiskShares, RiskSplit } from '@eco/scoring';

export interface ByUser {
  userId: string;
  username: string;
}

export interface GuaranteeHistoryEntry {
  action: string;
  from: string | null;
  to: string;
  at: Date;
  by: ByUser | null;
  reason?: string;
  idempotencyKey?: string;
}

/** Who may see a guarantee: the guarantor's staff, the bank of the loan, the re-guarantor (once claimed), platform readers. */
export type GuaranteeScope =
  | { kind: 'guarantor'; institutionId: string }
  | { kind: 'bank'; institutionId: string }
  | { kind: 'all' };

export interface LoanSnapshot {
  amountFen: number;
  termMonths: number;
  loanState: string;
  applicantName: string;
  bankName: string;
  grade: string | null;
  maxLoanFen: number | null;
  collateralValueFen: number | null;
  assetIds: string[];
  purpose: string | null;
}

export interface Recommendation {
  proposedFeeRateBp: number;
  gradeDiscountBp: number;
  annualFeeRateBp: number;
  feeFen: number;
  riskShares: RiskShares;
  coverageRatioBp: number;
  findings: string;
  conditions: string[];
  feeCap: { capAnnualRateBp: number; singleBorrowerFen: number };
  capacity: { outstandingLimitFen: number; outstandingAfterFen: number; obligorLimitFen: number; obligorAfterFen: number; multiple: number };
  rulesVersion: string;
  by: ByUser;
  at: Date;
}

export interface Recovery {
  seq: number;
  amountFen: number;
  split: RiskSplit;
  note: string;
  at: Date;
  by: string;
}

export interface Guarantee {
  id: string;
  /** The guarantor (tenant of its staff). */
  institutionId: string;
  bankId: string;
  reguarantorId: string | null;
  loanId: string;
  subjectId: string;
  state: string;
  stateSince: Date;
  /** Not finished (any state but REJECTED, RELEASED, CLOSED, WRITTEN_OFF): one open guarantee per loan. */
  open: boolean;
  openLoanKey: string;
  amountFen: number;
  termDays: number;
  requestNote: string;
  loan: LoanSnapshot;
  requestedBy: ByUser;
  recommendation: Recommendation | null;
  decision: { decision: 'approved' | 'rejected'; note: string; level: string | null; by: ByUser; at: Date; capacity?: Recommendation['capacity'] } | null;
  counterGuarantee: { kind: 'ecological_assets' | 'other_security'; description: string; assetIds: string[]; valueFen: number; recordedBy: string; at: Date } | null;
  letter: { number: string; issuedAt: Date; feeFen: number; annualFeeRateBp: number; startDate: string; endDate: string } | null;
  inForceAt: Date | null;
  releasedAt: Date | null;
  defaultNotice: { at: Date; reason: string; overdueSince: string; outstandingFen: number | null } | null;
  claim: { amountFen: number; documentIds: { overdueProof: string; contract: string; collectionRecord: string }; claimedAt: Date; payBy: string; by: string } | null;
  compensation: { amountFen: number; split: RiskSplit; paidToBankFen: number; at: Date; by: string; reguaranteeClaimBy: string } | null;
  reguaranteeClaim: {
    amountFen: number; localGovernmentFen: number; at: Date; by: string;
    /** The re-guarantor pays within the rules' days to pay. */
    payBy?: string | null;
    /** The re-guarantor's staff acknowledge the claim, then pay exactly its share. */
    acknowledgedAt?: Date | null; acknowledgedBy?: ByUser | null; acknowledgeNote?: string; acknowledgeKey?: string | null;
    paidAt?: Date | null; paidFen?: number | null; paidBy?: ByUser | null; payNote?: string; payKey?: string | null;
  } | null;
  recoveries: Recovery[];
  recoveredFen: number;
  closure: { kind: 'closed' | 'written_off'; note: string; lossFen: number; at: Date; by: string } | null;
  pendingStep: { kind: 'confirm-loan'; key: string; startedAt: Date; lastError?: string } | null;
  rulesVersion: string;
  history: GuaranteeHistoryEntry[];
  createdAt: Date;
  updatedAt: Date;
}

export type NewGuarantee = Pick<Guarantee, 'institutionId' | 'bankId' | 'reguarantorId' | 'loanId' | 'subjectId' | 'amountFen' | 'termDays' | 'requestNote' | 'loan' | 'requestedBy' | 'rulesVersion'> & { history: GuaranteeHistoryEntry[] };

/** What the guarantee area keeps of a guarantee institution (admin-updatable). */
export interface GuarantorProfile {
  institutionId: string;
  netAssetsFen: number;
  mainlySmallBusinessAgriculture: boolean;
  reguarantorId: string | null;
  /** Approval level of each approver (username → level of the rules' approval tiers); others get the first tier. */
  approverLevels: Record<string, string>;
  version: number;
  updatedBy: string;
  updatedAt: Date;
}
