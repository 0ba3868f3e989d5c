import { Schema, type Connection } from 'mongoose';

// LTV alerts raised to the lending bank when a revaluation shows its loan above the threshold.
const alertSchema = new Schema(
  {
    institutionId: { type: String, required: true },
    assetId: { type: String, required: true },
    subjectId: { type: String, required: true },
    loanId: { type: String, required: true },
    valuationId: { type: String, required: true },
    kind: { type: String, required: true, enum: ['ltv_breach'] },
    /** null: a loan against a value of 0. */
    ltv: { type: Number, default: null },
    ltvThreshold: { type: Number, required: true },
    outstandingFen: { type: Number, required: true },
    valueFen: { type: Number, required: true },
    status: { type: String, required: true, enum: ['open', 'acknowledged', 'resolved'] },
    /** `<loanId>:<assetId>` while the breach lasts (one alert per breach); made unique per alert once resolved. */
    breachKey: { type: String, required: true },
    raisedAt: { type: Date, required: true },
    acknowledgedBy: { type: String, default: null },
    resolvedAt: { type: Date, default: null },
  },
  { collection: 'alerts', versionKey: false },
);
// Exactly one alert per breach: a second insert for the same loan and asset fails while one is active.
alertSchema.index({ breachKey: 1 }, { unique: true });
// A bank's queue, newest first (optionally by status).
alertSchema.index({ institutionId: 1, status: 1, raisedAt: -1 });

const build = (connection: Connection) => connection.model('Alert', alertSchema);

/** The model on this connection (registered once per connection). */
export function alertModel(connection: Connection): ReturnType<typeof build> {
  return (connection.models['Alert'] as ReturnType<typeof build> | undefined) ?? build(connection);
}
