import type { BondState, ImpactReportState, ReviewType, StandardClaimed } from '../../domain/bonds/bond-state-machine.js';

export interface UserRef { userId: string; username: string }
export interface DocumentRef { id: string; filename: string; sha256: string }

export interface BondHistoryEntry {
  action: string;
  from: string | null;
  to: string;
  at: Date;
  by: UserRef | null;
  reason?: string | undefined;
  idempotencyKey?: string | undefined;
}

/** The four components of the framework (ICMA GBP and China GBP 2022) and the standards claimed. */
export interface BondFramework {
  useOfProceeds: string;
  projectEvaluation: string;
  managementOfProceeds: string;
  reporting: string;
  standards: StandardClaimed[];
  /** Look-back for refinancing: expenditure up to this many months before issue may be refinanced. */
  lookbackMonths: number;
  /** How unallocated proceeds are placed meanwhile (e.g. deposits, money-market instruments). */
  temporaryPlacement: string;
}

export interface BondProject {
  id: string;
  name: string;
  taxonomyCode: string;
  /** Eligibility as checked against the green taxonomy (false once found ineligible). */
  eligible: boolean;
  ineligibleReason: string | null;
  prefecture: string;
  totalInvestmentFen: number;
  /** Expected annual benefits, keyed by the taxonomy's measure codes. */
  expectedBenefits: Record<string, number>;
}

export interface BondReview {
  institutionId: string;
  type: ReviewType;
  opinion: string;
  conclusion: 'aligned' | 'aligned_with_recommendations';
  document: DocumentRef;
  by: UserRef;
  at: Date;
}

export interface BondTerms {
  amountFen: number;
  couponBp: number;
  tenorMonths: number;
  plannedIssueDate: string;
  registrationNumber: string;
}

export type AllocationState = 'PENDING' | 'APPROVED' | 'REJECTED';

export interface BondAllocation {
  id: string;
  projectId: string;
  amountFen: number;
  expenditureDate: string;
  refinancing: boolean;
  state: AllocationState;
  maker: UserRef;
  checker: UserRef | null;
  note: string;
  proposedAt: Date;
  decidedAt: Date | null;
  idempotencyKey: string | null;
}

/**
 * A bank's own green loan linked to its green financial bond (绿色金融债): an allocation of proceeds
 * to the loan's amount, with the loan's taxonomy category and its expected annual benefits.
 */
export interface LinkedLoan {
  loanId: string;
  /** The borrower (for the issuer's ledger; the borrower does not see the bond). */
  borrowerSubjectId: string;
  purpose: string;
  amountFen: number;
  taxonomyCode: string;
  /** The catalogue category (zh) and its mappings, as the taxonomy had them when linked. */
  category: string;
  icmaCategory: string;
  pbocLoanUse: string;
  /** Expected annual benefits, keyed by the taxonomy's measure codes of the loan's category. */
  expectedBenefits: Record<string, number>;
  linkedBy: UserRef;
  linkedAt: Date;
}

export interface Bond {
  id: string;
  /** The issuing enterprise (a green bond), or null when a bank issues a green financial bond. */
  issuerSubjectId: string | null;
  /** The issuing bank (a green financial bond, 绿色金融债), or null for an enterprise's bond. */
  issuerInstitutionId: string | null;
  reviewerInstitutionId: string | null;
  name: string;
  state: BondState;
  stateSince: Date;
  framework: BondFramework;
  projects: BondProject[];
  review: BondReview | null;
  terms: BondTerms | null;
  issueDate: string | null;
  maturityDate: string | null;
  proceedsFen: number;
  /** Proposed + approved allocations: the guard of the conditional $inc (never above proceedsFen). */
  committedFen: number;
  /** Approved allocations. */
  allocatedFen: number;
  allocations: BondAllocation[];
  /** The bank issuer's green loans financed by the proceeds (counted in committedFen and allocatedFen). */
  linkedLoans: LinkedLoan[];
  delabelling: { projectId: string; reason: string; by: UserRef | null; at: Date } | null;
  createdBy: string;
  idempotencyKey: string;
  history: BondHistoryEntry[];
  createdAt: Date;
  updatedAt: Date;
}

export interface ProjectBenefits { projectId: string; measures: Record<string, number> }

export interface ImpactReport {
  id: string;
  bondId: string;
  issuerSubjectId: string | null;
  issuerInstitutionId: string | null;
  reviewerInstitutionId: string | null;
  year: number;
  state: ImpactReportState;
  stateSince: Date;
  /** The ledger at the time of the report (copied from the bond when drafted). */
  allocation: { proceedsFen: number; allocatedFen: number; unallocatedFen: number; allocatedShareBp: number; byProject: { projectId: string; amountFen: number }[] };
  projects: ProjectBenefits[];
  totals: Record<string, number>;
  narrative: string;
  verification: { by: UserRef; at: Date; note: string } | null;
  publishedAt: Date | null;
  history: BondHistoryEntry[];
  createdAt: Date;
  updatedAt: Date;
}

/** Whose bonds a query may touch: the issuer's own (an enterprise's or a bank's), the assigned reviewer's, or every tenant's. */
export type BondScope = { kind: 'issuer'; subjectId: string } | { kind: 'bank'; institutionId: string } | { kind: 'reviewer'; institutionId: string } | { kind: 'all' };
