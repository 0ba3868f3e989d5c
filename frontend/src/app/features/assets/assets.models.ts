/** An ecological asset as `GET /api/assets/:id` returns it (amounts in integer fen). */
export type AssetType = 'water_right' | 'forest_right' | 'emission_right' | 'carbon' | 'land_right' | 'gep_site' | 'product_order';
export type RegistrationState = 'draft' | 'submitted' | 'verified' | 'rejected';
export type EncumbranceStatus = 'free' | 'pledged' | 'frozen';

export const ASSET_TYPES: readonly AssetType[] = ['water_right', 'forest_right', 'emission_right', 'carbon', 'land_right', 'gep_site', 'product_order'];

export interface Asset {
  id: string;
  subjectId: string;
  assetType: AssetType;
  certificateNumber: string;
  name: string;
  details: Record<string, unknown>;
  priceReference: string | null;
  documents: { id: string; filename: string; sha256: string }[];
  state: RegistrationState;
  review: { decision: string; by: string; at: string; note?: string; reason?: string } | null;
  encumbrance: { status: EncumbranceStatus; loanId: string | null; institutionId: string | null };
  pledgedLoan: { loanId: string; institutionId: string; outstandingFen: number } | null;
  lastValuation: { valuationId: string; valueFen: number; valuedAt: string } | null;
  /** Product orders (issue 14): the buyer's confirmation and the buyer's payments recorded by the pledgee bank. */
  orderConfirmation?: { method: 'buyer_user' | 'signed_document'; at: string; document?: { id: string; filename: string; sha256: string } } | null;
  orderPayments?: { key: string; amountFen: number; date: string; loanId: string | null; appliedToLoanFen: number; recordedBy: string; at: string }[];
  createdAt: string;
}

export interface AssetRegistration {
  assetType: AssetType;
  name: string;
  details: Record<string, unknown>;
  documentIds: string[];
}

export interface ValuationSummary {
  id: string;
  purpose: 'preliminary' | 'lending' | 'revaluation';
  valuationDate: string;
  valueFen: number;
  lendingValueFen: number;
  maxLoanFen: number;
  changeFen: number | null;
  method: string;
  confidence: string;
  configVersion: string;
  valuedAt: string;
}
