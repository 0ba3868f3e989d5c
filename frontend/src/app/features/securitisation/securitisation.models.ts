import { Asset } from '../assets/assets.models';

/** A securitised loan pool as the API returns it (GET /api/securitisation-pools/:id). Amounts in integer fen. */
export type PoolState = 'DRAFT' | 'STRUCTURED' | 'REVIEWED' | 'ISSUED' | 'AMORTISING' | 'REDEEMED' | 'CANCELLED';
export type TrancheClass = 'senior' | 'mezzanine' | 'subordinated';

export interface ShareRow { key: string; balanceFen: number; count: number; shareBp: number }

export interface PoolStatistics {
  count: number;
  balanceFen: number;
  collateralValueFen: number;
  weightedAverageRate: number;
  weightedAverageRemainingMonths: number;
  weightedAverageSeasoningMonths: number;
  poolLtv: number | null;
  ltvDistribution: ShareRow[];
  grades: ShareRow[];
  prefectures: ShareRow[];
  industries: ShareRow[];
  greenCategories: ShareRow[];
  largestBorrowerShareBp: number;
}

export interface Tranche { name: string; class: TrancheClass; sizeFen: number; couponRate: number }

export interface ServicerReport {
  period: string;
  collections: { principalFen: number; interestFen: number; penaltyFen: number; totalFen: number };
  defaultsFen: number;
  recoveriesFen: number;
  tranches: { name: string; class: TrancheClass; openingFen: number; interestFen: number; principalFen: number; closingFen: number }[];
  residualFen: number;
  poolBalanceFen: number;
}

export interface Pool {
  id: string;
  name: string;
  state: PoolState;
  institutionId: string;
  criteria: Record<string, unknown>;
  loanIds: string[];
  eligibility: { asOf: string; candidates: number; included: string[]; excluded: { loanId: string; failures: { criterion: string; reason: string }[] }[] } | null;
  statistics: PoolStatistics | null;
  structure: { tranches: Tranche[]; feeRate: number; reserve: { initialFen: number; targetFen: number }; reviewerInstitutionId: string } | null;
  review: { conclusion: string; opinion: string; document: { filename: string; sha256: string } } | null;
  issue: { issueDate: string } | null;
  trancheBalances: Record<string, number>;
  /** Set when the pool is redeemed: what the holders of each tranche did not get back. */
  redemption?: { at: string; lossesFen: Record<string, number>; totalLossFen: number } | null;
  servicerReports: ServicerReport[];
  configVersion: string;
  allowedActions?: string[];
}

export interface TrancheProjection { name: string; class: TrancheClass; totalInterestFen: number; totalPrincipalFen: number; lossFen: number; walYears: number | null; paidInFull: boolean }

export interface Projection {
  scenario: { name: string; cdr: number; cpr: number; recoveryRate: number; recoveryLagMonths: number };
  ecological: string | null;
  collateralFactor: number | null;
  months: number;
  tranches: TrancheProjection[];
  totals: { defaultsFen: number; lossFen: number; recoveriesFen: number; residualFen: number };
}

/** A product order naming the caller as buyer (an asset of type product_order). */
export interface ProductOrder {
  id: string;
  name: string;
  state: string;
  details: { orderNumber: string; buyerName: string; product: string; amountFen: number; paymentDate: string; deliveryDate: string };
  orderConfirmation: { method: string; at: string } | null;
  encumbrance: { status: string };
}

/** One repayment record of a loan as the payment answer returns it (amounts in fen). */
export interface LoanRepaymentRecord {
  kind: string;
  seq: number;
  amountFen: number;
  date: string;
  appliedFen: number;
  unappliedFen: number;
  lines: { component: string; amountFen: number }[];
  idempotencyKey?: string;
}

/** `POST /api/product-orders/:id/payments`: the order after the payment, the secured loan after its repayment, whether the order is settled. */
export interface OrderPaymentResult {
  order: Asset;
  loan: { id: string; state: string; outstanding: { principalOutstandingFen?: number } | null; repayments: LoanRepaymentRecord[] };
  settled: boolean;
}
