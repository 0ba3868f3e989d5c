import type { ExcludedLoan, PoolCriteria, PoolStatistics, TrancheSpec } from '@eco/scoring';
import type { PoolState } from '../../domain/securitisation/pool-state-machine.js';

export interface UserRef { userId: string; username: string }

export interface PoolHistoryEntry {
  action: string;
  from: string;
  to: string;
  at: Date;
  by: UserRef | null;
  reason?: string | undefined;
}

export interface PoolStructure {
  tranches: TrancheSpec[];
  feeRate: number;
  reserve: { initialFen: number; targetFen: number };
  /** The reviewer institution asked for a green opinion (external_reviewer). */
  reviewerInstitutionId: string;
}

export interface PoolReview {
  institutionId: string;
  type: string;
  opinion: string;
  conclusion: string;
  document: { id: string; filename: string; sha256: string };
  by: UserRef;
  at: Date;
}

export interface ServicerReportLoanRow {
  loanId: string;
  principalFen: number;
  interestFen: number;
  penaltyFen: number;
  recoveriesFen: number;
  defaultedFen: number;
}

export interface ServicerReportTrancheRow {
  name: string;
  class: string;
  openingFen: number;
  interestFen: number;
  principalFen: number;
  closingFen: number;
}

export interface ServicerReport {
  period: string;
  collections: { principalFen: number; interestFen: number; penaltyFen: number; totalFen: number };
  defaultsFen: number;
  defaultedLoans: string[];
  recoveriesFen: number;
  /** Repayment records the report read (loan id and sequence number). */
  repaymentRefs: { loanId: string; seq: number }[];
  loans: ServicerReportLoanRow[];
  tranches: ServicerReportTrancheRow[];
  residualFen: number;
  poolBalanceFen: number;
  createdAt: Date;
  by: UserRef;
}

export interface SecuritisationPool {
  id: string;
  institutionId: string;
  name: string;
  state: PoolState;
  stateSince: Date;
  createdBy: UserRef;
  criteria: PoolCriteria;
  loanIds: string[];
  /** A selection in progress (its loans being marked): finished or undone by the next selection. */
  pendingSelection: { loanIds: string[]; at: Date } | null;
  eligibility: { asOf: string; candidates: number; included: string[]; excluded: ExcludedLoan[] } | null;
  statistics: PoolStatistics | null;
  structure: PoolStructure | null;
  review: PoolReview | null;
  issue: { issueDate: string; by: UserRef } | null;
  trancheBalances: Record<string, number>;
  servicerReports: ServicerReport[];
  /** At redemption: the tranche balances left unpaid when every loan had ended (holders' losses, bottom-up). */
  redemption?: { at: Date; lossesFen: Record<string, number>; totalLossFen: number } | null;
  configVersion: string;
  history: PoolHistoryEntry[];
  createdAt: Date;
  updatedAt: Date;
}

/** Whose pools a query may touch: a bank's own (originator), those a reviewer is asked to review, or all issued pools (platform readers). */
export type PoolScope = { kind: 'originator'; institutionId: string } | { kind: 'reviewer'; institutionId: string } | { kind: 'issued' };
