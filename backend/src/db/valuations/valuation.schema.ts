import { Schema, type Connection } from 'mongoose';

// Valuations are written once and never changed: the engine request, the configuration version,
// the engine version and the result are kept exactly as used (JSON text), so any valuation can be re-run.
const valuationSchema = new Schema(
  {
    assetId: { type: String, required: true },
    subjectId: { type: String, required: true },
    /** The bank that asked for it (lending valuations and revaluations of its collateral); null for owners' estimates. */
    institutionId: { type: String, default: null },
    purpose: { type: String, required: true, enum: ['preliminary', 'lending', 'revaluation'] },
    requestedBy: { userId: String, username: String },
    requestJson: { type: String, required: true },
    resultJson: { type: String, required: true },
    priceSources: { type: [{ _id: false, reference: String, date: String, priceFen: Number, unit: String, source: String, role: String }], default: [] },
    configVersion: { type: String, required: true },
    /** Product orders (issue 14): the product-order and the valuation configuration versions used. */
    configVersions: { type: Schema.Types.Mixed, default: undefined },
    engineVersion: { type: String, required: true },
    valuationDate: { type: String, required: true },
    valueFen: { type: Number, required: true },
    lendingValueFen: { type: Number, required: true },
    maxLoanFen: { type: Number, required: true },
    previousValuationId: { type: String, default: null },
    changeFen: { type: Number, default: null },
    /** Manual requests get a fresh key; revaluation runs use run + asset, so a rerun finds its own valuation. */
    idempotencyKey: { type: String, required: true },
    valuedAt: { type: Date, required: true },
  },
  { collection: 'valuations', versionKey: false },
);
// One valuation per idempotency key (revaluation reruns).
valuationSchema.index({ idempotencyKey: 1 }, { unique: true });
// History of an asset, newest first (and the previous valuation for the change).
valuationSchema.index({ assetId: 1, valuedAt: -1 });

const build = (connection: Connection) => connection.model('Valuation', valuationSchema);

/** The model on this connection (registered once per connection). */
export function valuationModel(connection: Connection): ReturnType<typeof build> {
  return (connection.models['Valuation'] as ReturnType<typeof build> | undefined) ?? build(connection);
}
