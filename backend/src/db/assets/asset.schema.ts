import { Schema, type Connection } from 'mongoose';

export const assetTypes = ['water_right', 'forest_right', 'emission_right', 'carbon', 'land_right', 'gep_site', 'product_order'] as const;
export const registrationStates = ['draft', 'submitted', 'verified', 'rejected'] as const;
export const encumbranceStatuses = ['free', 'pledged', 'frozen'] as const;

// One ecological right per document. Registration state, encumbrance and the loan it secures live
// on the asset itself, so every transition is one compare-and-set on one document.
const assetSchema = new Schema(
  {
    subjectId: { type: String, required: true },
    assetType: { type: String, required: true, enum: assetTypes },
    /** Permit / certificate / contract number (carbon: registry account/kind/vintage); unique per type. */
    certificateNumber: { type: String, required: true },
    name: { type: String, required: true },
    details: { type: Schema.Types.Mixed, required: true },
    /** Price series the valuation reads (null for GEP sites, priced by their own accounting). */
    priceReference: { type: String, default: null },
    documents: { type: [{ _id: false, id: String, filename: String, sha256: String }], default: [] },
    state: { type: String, required: true, enum: registrationStates },
    review: { type: Schema.Types.Mixed, default: null },
    encumbrance: {
      status: { type: String, required: true, enum: encumbranceStatuses },
      loanId: { type: String, default: null },
      institutionId: { type: String, default: null },
      since: { type: Date, default: null },
    },
    /** Supplied by the loan workflow: the loan this asset secures and its outstanding principal. */
    pledgedLoan: { type: Schema.Types.Mixed, default: null },
    lastValuation: { type: Schema.Types.Mixed, default: null },
    /** Product orders (issue 14): the buyer's confirmation (null = pending) and the buyer's payments recorded by the bank. */
    orderConfirmation: { type: Schema.Types.Mixed, default: null },
    orderPayments: { type: [Schema.Types.Mixed], default: [] },
  },
  { timestamps: true, collection: 'assets', minimize: false },
);
// Duplicate registration check: one asset per certificate number within a type.
assetSchema.index({ assetType: 1, certificateNumber: 1 }, { unique: true });
// An owner's register, newest first (optionally by state).
assetSchema.index({ subjectId: 1, state: 1, createdAt: -1 });
// The verifier's queue: submitted assets, oldest first.
assetSchema.index({ state: 1, createdAt: 1 });
// A bank's collateral and the revaluation jobs: pledged assets by bank / by type / by price reference.
assetSchema.index({ 'encumbrance.status': 1, 'encumbrance.institutionId': 1 });
assetSchema.index({ 'encumbrance.status': 1, assetType: 1 });
assetSchema.index({ 'encumbrance.status': 1, priceReference: 1 });
// Document access grants: assets that reference a document.
assetSchema.index({ 'documents.id': 1 });
// A buyer's product orders to confirm (buyer on the platform as a subject or an institution).
assetSchema.index({ 'details.buyerSubjectId': 1 }, { partialFilterExpression: { assetType: 'product_order' } });
assetSchema.index({ 'details.buyerInstitutionId': 1 }, { partialFilterExpression: { assetType: 'product_order' } });

const build = (connection: Connection) => connection.model('Asset', assetSchema);

/** The model on this connection (registered once per connection). */
export function assetModel(connection: Connection): ReturnType<typeof build> {
  return (connection.models['Asset'] as ReturnType<typeof build> | undefined) ?? build(connection);
}
