/** Bank-side states of one application at one bank (the API's state-machine table). */
export type LoanState =
  | 'SUBMITTED' | 'UNDER_REVIEW' | 'INFO_REQUESTED' | 'GREEN_ASSESSED' | 'GUARANTEE_PENDING' | 'GUARANTEE_CONFIRMED'
  | 'PENDING_APPROVAL' | 'APPROVED' | 'REJECTED' | 'ACCEPTED' | 'LAPSED' | 'ACTIVE' | 'OVERDUE' | 'DEFAULTED'
  | 'WRITTEN_OFF' | 'CLOSED' | 'WITHDRAWN';

export type ApplicationState = 'DRAFT' | 'SUBMITTED' | 'OFFER_ACCEPTED' | 'WITHDRAWN';
export type RepaymentMethod = 'equal_instalment' | 'equal_principal';
export type RepaymentFrequency = 'monthly' | 'quarterly';

export interface UserRef { userId: string; username: string }

/** An uploaded document as the API refers to it (stored with its SHA-256). */
export interface DocumentRef { id: string; filename: string; sha256: string }

export interface HistoryEntry {
  action: string;
  from: string | null;
  to: string;
  at: string;
  by: UserRef | null;
  reason?: string;
}

export interface ApplicationInput {
  amountFen?: number;
  termMonths?: number;
  purpose?: string;
  taxonomyCode?: string;
  repaymentMethod?: RepaymentMethod;
  frequency?: RepaymentFrequency;
  assetIds?: string[];
  documentIds?: string[];
  bankIds?: string[];
}

export interface PrescreenValuation {
  assetId: string;
  name: string;
  valuationId: string;
  valueFen: number;
  lendingValueFen: number;
  pledgeRate: number;
  maxLoanFen: number;
  maxTermYears: number;
}

export interface Prescreen {
  ranAt: string;
  eligible: boolean;
  reasons: { code: string; message: string; assetId?: string }[];
  grade: string | null;
  loanRateDiscountBp: number;
  valuations: PrescreenValuation[];
  maxLoanFen: number;
  suggestedAnnualRateBp: number;
  versions: Record<string, unknown>;
}

export interface Recommendation {
  amountFen: number;
  annualRateBp: number;
  termMonths: number;
  conditions: string[];
  notes: string;
  by: UserRef;
  at: string;
}

export interface Loan {
  id: string;
  applicationId: string;
  institutionId: string;
  subjectId: string;
  state: LoanState;
  stateSince: string;
  submittedAt: string;
  amountFen: number;
  termMonths: number;
  purpose: string;
  taxonomyCode: string;
  repaymentMethod: RepaymentMethod;
  frequency: RepaymentFrequency;
  assetIds: string[];
  guaranteeRequired: boolean;
  guaranteeId: string | null;
  infoRequests: { kind: 'request' | 'answer'; message: string; at: string; by: string; documents?: DocumentRef[] }[];
  recommendation: Recommendation | null;
  decision: { decision: string; note: string; by: UserRef; at: string } | null;
  rejection: { reasonCodes: string[]; applicantMessage: string } | null;
  pledgedAssetIds: string[];
  schedule: RepaymentSchedule | null;
  outstanding: Outstanding | null;
  repayments: Repayment[];
  history: HistoryEntry[];
}

export interface LoanSummary extends Loan {
  applicantName?: string;
  bankName?: string;
  allowedActions: string[];
  ageDays: number;
  glance: { grade: string | null; maxLoanFen: number | null; suggestedAnnualRateBp: number | null; collateralValueFen: number | null; ltvBp: number | null; eligible: boolean | null };
}

export interface LoanApplication {
  id: string;
  subjectId: string;
  state: ApplicationState;
  amountFen: number | null;
  termMonths: number | null;
  purpose: string | null;
  taxonomyCode: string | null;
  repaymentMethod: RepaymentMethod;
  frequency: RepaymentFrequency;
  assetIds: string[];
  documents: DocumentRef[];
  bankIds: string[];
  prescreen: Prescreen | null;
  acceptedLoanId: string | null;
  createdAt: string;
  history: HistoryEntry[];
  offers?: Loan[];
}

export interface LoanDetail extends LoanSummary {
  application: LoanApplication;
}

export interface Instalment {
  number: number;
  dueDate: string;
  days: number;
  principalFen: number;
  interestFen: number;
  totalFen: number;
  closingPrincipalFen: number;
}

export interface RepaymentSchedule {
  principalFen: number;
  annualRate: number;
  termMonths: number;
  maturityDate: string;
  instalments: Instalment[];
  totals: { principalFen: number; interestFen: number; totalFen: number };
}

export interface Outstanding {
  status: string;
  principalOutstandingFen: number;
  interestAccruedFen: number;
  penaltyFen: number;
  maxDaysPastDue: number;
}

export interface Repayment {
  kind: 'repayment' | 'disposal';
  seq: number;
  amountFen: number;
  date: string;
  appliedFen: number;
  unappliedFen: number;
}

export interface Bank { id: string; name: string; nameEn: string | null; region: string }
export interface TaxonomyUse { code: string; zh: string; en: string; category: { code: string; zh: string; en: string } }

export interface RecommendationInput { amountFen: number; annualRateBp: number; termMonths: number; conditions: string[]; notes: string }
export interface RejectionInput { reasonCodes: string[]; applicantMessage: string; note: string }

export const REJECTION_REASONS = ['INSUFFICIENT_COLLATERAL', 'NOT_GREEN_ELIGIBLE', 'LOW_GRADE', 'ACTIVE_VETO', 'INCOMPLETE_DOCUMENTS', 'REPAYMENT_CAPACITY', 'POLICY', 'OTHER'] as const;
export const QUEUE_STATES: readonly LoanState[] = ['SUBMITTED', 'UNDER_REVIEW', 'INFO_REQUESTED', 'GREEN_ASSESSED', 'GUARANTEE_PENDING', 'GUARANTEE_CONFIRMED', 'PENDING_APPROVAL', 'APPROVED', 'ACCEPTED', 'ACTIVE', 'OVERDUE', 'DEFAULTED'];
