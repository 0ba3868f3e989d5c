import type { AssetType as EngineAssetType } from '@eco/scoring';
import type { encumbranceStatuses, registrationStates } from './asset.schema.js';

export type RegistrationState = (typeof registrationStates)[number];
export type EncumbranceStatus = (typeof encumbranceStatuses)[number];
/** The engine's asset types, and product orders (issue 14), valued by their own method. */
export type AssetType = EngineAssetType | 'product_order';

export interface AssetDocumentRef {
  id: string;
  filename: string;
  sha256: string;
}

export interface Encumbrance {
  status: EncumbranceStatus;
  loanId: string | null;
  institutionId: string | null;
  since: Date | null;
}

/** The loan a pledged asset secures, kept current by the loan workflow (updateLoanExposure). */
export interface PledgedLoan {
  loanId: string;
  institutionId: string;
  outstandingFen: number;
  updatedAt: Date;
}

export interface Review {
  decision: 'verified' | 'rejected';
  by: string;
  at: Date;
  note?: string | undefined;
  reason?: string | undefined;
}

export interface LastValuation {
  valuationId: string;
  valueFen: number;
  valuedAt: Date;
  /** The main market price the valuation used (price-move revaluation compares against it). */
  priceFen: number | null;
  priceDate: string | null;
}

export interface Asset {
  id: string;
  subjectId: string;
  assetType: AssetType;
  certificateNumber: string;
  name: string;
  details: Record<string, unknown>;
  priceReference: string | null;
  documents: AssetDocumentRef[];
  state: RegistrationState;
  review: Review | null;
  encumbrance: Encumbrance;
  pledgedLoan: PledgedLoan | null;
  lastValuation: LastValuation | null;
  /** Product orders: the buyer's confirmation (absent or null = not confirmed) and the buyer's payments. */
  orderConfirmation?: OrderConfirmation | null;
  orderPayments?: OrderPayment[];
  createdAt: Date;
  updatedAt: Date;
}

export interface OrderConfirmation {
  status: 'confirmed';
  method: 'buyer_user' | 'signed_document';
  by: { userId: string; username: string };
  at: Date;
  document?: AssetDocumentRef | undefined;
}

export interface OrderPayment {
  key: string;
  amountFen: number;
  date: string;
  loanId: string | null;
  appliedToLoanFen: number;
  recordedBy: string;
  at: Date;
}

export type NewAsset = Pick<Asset, 'subjectId' | 'assetType' | 'certificateNumber' | 'name' | 'details' | 'priceReference' | 'documents'>;

/** Which assets a caller may list: an owner's, a bank's collateral, or all (platform readers). */
export type AssetScope = { kind: 'subject'; subjectId: string } | { kind: 'bank'; institutionId: string; offeredAssetIds: string[] } | { kind: 'all' };
