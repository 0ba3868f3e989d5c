// What the loan workflow needs from its neighbours, as small interfaces ("ports"). platform.ts
// wires the real asset/valuation and points services behind them.
import type { Actor } from '../identity/principal.js';

export interface CollateralView {
  id: string;
  subjectId: string;
  name: string;
  assetType: string;
  verified: boolean;
  encumbrance: { status: string; loanId: string | null; institutionId: string | null };
  lastValuation: { valuationId: string; valueFen: number; valuedAt: Date } | null;
}

/** A fresh valuation of one asset, with the versions of the engine and configuration used. */
export interface CollateralValuation {
  assetId: string;
  valuationId: string;
  valueFen: number;
  lendingValueFen: number;
  /** Share of the lending value that may be lent (decimal). */
  pledgeRate: number;
  maxLoanFen: number;
  assetType: string;
  /** The longest loan the right allows (policy maximum and remaining term), in years. */
  maxTermYears: number;
  engineVersion: string;
  configVersion: string;
}

export interface PledgeRequest {
  assetId: string;
  loanId: string;
  institutionId: string;
}

/** The asset registry's encumbrance and valuation operations (issue 7). */
export interface CollateralPort {
  /** The assets (any owner), in the order asked; unknown ids are left out. */
  find(assetIds: readonly string[]): Promise<CollateralView[]>;
  /** Atomically free → pledged to this loan; pledging again for the same loan is a no-op. Throws AppError when not free or not verified. */
  pledge(actor: Actor, request: PledgeRequest): Promise<void>;
  /** Pledged/frozen to this loan → free; a no-op when the asset does not secure this loan. */
  release(actor: Actor, request: PledgeRequest): Promise<void>;
  /** Keeps the asset's record of the loan's outstanding principal current (LTV alerts). */
  updateExposure(request: PledgeRequest & { outstandingFen: number }): Promise<void>;
  /** Values the asset now (a stored valuation). */
  value(actor: Actor, assetId: string): Promise<CollateralValuation>;
}

export interface ApplicantScore {
  grade: string | null;
  /** Loan-rate discount of the grade in basis points (negative: a surcharge). */
  loanRateDiscountBp: number;
  activeVetoes: { vetoId: string; until: string | null }[];
  ruleSetId: string;
  ruleSetVersion: string;
  asOf: string;
}

/** The applicant's current ecological score (issue 6). */
export interface ScorePort {
  current(subjectId: string, today: string): Promise<ApplicantScore | null>;
}

/** Raised when a loan defaults: the guarantee workflow (issue 9) files its claim from here. */
export interface LoanDefaultEvent {
  loanId: string;
  institutionId: string;
  subjectId: string;
  guaranteeId: string | null;
  defaultedAt: Date;
  outstanding: Record<string, unknown> | null;
}
export type LoanDefaultListener = (event: LoanDefaultEvent) => Promise<void>;
