import type { ApplicationState, LoanState } from '../../domain/loans/loan-state-machine.js';

export interface DocumentRef { id: string; filename: string; sha256: string }
export interface UserRef { userId: string; username: string }

export interface HistoryEntry {
  action: string;
  from: string | null;
  to: string;
  at: Date;
  by: UserRef | null;
  reason?: string | undefined;
  idempotencyKey?: string | undefined;
}

export type RepaymentMethod = 'equal_instalment' | 'equal_principal';
export type RepaymentFrequency = 'monthly' | 'quarterly';

export interface LoanApplication {
  id: string;
  subjectId: string;
  state: ApplicationState;
  amountFen: number | null;
  termMonths: number | null;
  purpose: string | null;
  taxonomyCode: string | null;
  repaymentMethod: RepaymentMethod | null;
  frequency: RepaymentFrequency | null;
  assetIds: string[];
  documents: DocumentRef[];
  bankIds: string[];
  prescreen: Record<string, unknown> | null;
  acceptedLoanId: string | null;
  createdBy: string;
  idempotencyKey?: string | undefined;
  submittedAt: Date | null;
  history: HistoryEntry[];
  createdAt: Date;
  updatedAt: Date;
}

export type NewApplication = Pick<LoanApplication, 'subjectId' | 'amountFen' | 'termMonths' | 'purpose' | 'taxonomyCode' | 'repaymentMethod' | 'frequency' | 'assetIds' | 'documents' | 'bankIds' | 'createdBy'> & { idempotencyKey?: string | undefined };

export interface Recommendation {
  amountFen: number;
  annualRateBp: number;
  termMonths: number;
  conditions: string[];
  notes: string;
  by: UserRef;
  at: Date;
}

export interface PendingStep {
  kind: 'pledge' | 'release';
  key: string;
  assetIds: string[];
  startedAt: Date;
}

export interface Loan {
  id: string;
  applicationId: string;
  institutionId: string;
  subjectId: string;
  state: LoanState;
  stateSince: Date;
  submittedAt: Date;
  amountFen: number;
  termMonths: number;
  purpose: string;
  taxonomyCode: string;
  repaymentMethod: RepaymentMethod;
  frequency: RepaymentFrequency;
  assetIds: string[];
  guaranteeRequired: boolean;
  guaranteeId: string | null;
  /** The bank's green financial bond financing this loan (absent on loans stored before bond links existed). */
  greenBondId?: string | null;
  greenBondLink?: { bondId: string; attemptId: string; at: Date } | null;
  greenAssessment: Record<string, unknown> | null;
  infoRequests: Record<string, unknown>[];
  recommendation: Recommendation | null;
  decision: Record<string, unknown> | null;
  rejection: { reasonCodes: string[]; applicantMessage: string; by: UserRef; at: Date } | null;
  pendingStep: PendingStep | null;
  pledgedAssetIds: string[];
  disbursedAt: Date | null;
  schedule: Record<string, unknown> | null;
  repaymentState: Record<string, unknown> | null;
  outstanding: Record<string, unknown> | null;
  repayments: Record<string, unknown>[];
  repaymentSeq: number;
  disposals: Record<string, unknown>[];
  closedAt: Date | null;
  /** The securitisation pool holding this loan (issue 14), if any. */
  securitisationPoolId?: string | null;
  history: HistoryEntry[];
  createdAt: Date;
  updatedAt: Date;
}

/** Whose loans a query may touch: one bank's, one applicant's, or every tenant's (platform readers, system jobs). */
export type LoanScope = { kind: 'bank'; institutionId: string } | { kind: 'applicant'; subjectId: string } | { kind: 'all' };
