/** Green bonds as the API returns them (amounts in integer fen, rates in basis points). */
export type BondState =
  | 'DRAFT_FRAMEWORK' | 'EXTERNAL_REVIEW_PENDING' | 'REVIEWED' | 'REGISTERED' | 'ISSUED' | 'ALLOCATING' | 'FULLY_ALLOCATED' | 'MATURED'
  | 'CANCELLED' | 'DELABELLED';

export const STANDARDS = ['china_gbp_2022', 'icma_gbp', 'climate_bonds_standard'] as const;
export type Standard = (typeof STANDARDS)[number];
export const REVIEW_TYPES = ['second_party_opinion', 'verification', 'certification', 'rating'] as const;

export interface UserRef { userId: string; username: string }

export interface BondFramework {
  useOfProceeds: string;
  projectEvaluation: string;
  managementOfProceeds: string;
  reporting: string;
  standards: Standard[];
  lookbackMonths: number;
  temporaryPlacement: string;
}

export interface BondProject {
  id: string;
  name: string;
  taxonomyCode: string;
  eligible: boolean;
  ineligibleReason: string | null;
  prefecture: string;
  totalInvestmentFen: number;
  expectedBenefits: Record<string, number>;
}

export interface BondAllocation {
  id: string;
  projectId: string;
  amountFen: number;
  expenditureDate: string;
  refinancing: boolean;
  state: 'PENDING' | 'APPROVED' | 'REJECTED';
  maker: UserRef;
  checker: UserRef | null;
  note: string;
}

export interface Ledger {
  proceedsFen: number;
  allocatedFen: number;
  unallocatedFen: number;
  allocatedShareBp: number;
  refinancingFen: number;
  newFinancingFen: number;
  byProject: { projectId: string; amountFen: number }[];
}

export interface Bond {
  id: string;
  name: string;
  state: BondState;
  issuerName: string;
  reviewerName: string | null;
  framework: BondFramework;
  projects: BondProject[];
  review: { type: string; opinion: string; conclusion: string; document: { id: string; filename: string; sha256: string }; by: UserRef; at: string } | null;
  terms: { amountFen: number; couponBp: number; tenorMonths: number; plannedIssueDate: string; registrationNumber: string } | null;
  issueDate: string | null;
  maturityDate: string | null;
  proceedsFen: number;
  committedFen: number;
  allocatedFen: number;
  allocations: BondAllocation[];
  delabelling: { projectId: string; reason: string } | null;
  ledger: Ledger;
  /** 'bank': a bank's green financial bond (绿色金融债), which links the bank's own green loans. */
  issuerKind?: 'enterprise' | 'bank';
  linkedLoans?: LinkedLoan[];
  loanRollup?: LoanRollup;
  allowedActions: string[];
  history: { action: string; from: string | null; to: string; at: string; by: UserRef | null; reason?: string }[];
}

export interface BondInput {
  name: string;
  framework: BondFramework;
  projects: { id?: string; name: string; taxonomyCode: string; prefecture: string; totalInvestmentFen: number; expectedBenefits: Record<string, number> }[];
}

export interface ImpactReport {
  id: string;
  bondId: string;
  year: number;
  state: 'DRAFT' | 'VERIFIED' | 'PUBLISHED';
  allocation: { proceedsFen: number; allocatedFen: number; unallocatedFen: number; allocatedShareBp: number };
  projects: { projectId: string; measures: Record<string, number> }[];
  totals: Record<string, number>;
  narrative: string;
  verification: { by: UserRef; at: string; note: string } | null;
}

export interface TaxonomyEntry { code: string; zh: string; en: string; eligible: boolean; icmaCategory: string; pbocLoanUse: string; measures: string[] }
export interface Taxonomy { version: string; entries: TaxonomyEntry[]; measures: { code: string; zh: string; en: string; unit: string }[] }

/** A bank's green loan linked to its green financial bond (its amount allocated from the proceeds). */
export interface LinkedLoan {
  loanId: string;
  purpose: string;
  amountFen: number;
  taxonomyCode: string;
  category: string;
  icmaCategory: string;
  pbocLoanUse: string;
  expectedBenefits: Record<string, number>;
  linkedBy: UserRef;
  linkedAt: string;
}

export interface LoanRollup {
  loans: number;
  amountFen: number;
  byCategory: { taxonomyCode: string; category: string; icmaCategory: string; pbocLoanUse: string; loans: number; amountFen: number }[];
  impactTotals: Record<string, number>;
}

/** One of the bank's ACTIVE green loans not yet linked to any bond, with the benefit measures of its taxonomy code. */
export interface EligibleLoan {
  id: string;
  purpose: string;
  amountFen: number;
  taxonomyCode: string;
  category: string;
  icmaCategory: string;
  measures: { code: string; zh: string; en: string; unit: string }[];
  disbursedAt: string | null;
}
