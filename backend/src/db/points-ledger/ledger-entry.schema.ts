import { Schema, type Connection } from 'mongoose';

const ledgerEntrySchema = new Schema(
  {
    subjectId: { type: String, required: true },
    /** Position in the subject's chain, from 1. */
    seq: { type: Number, required: true },
    at: { type: Date, required: true },
    /** What the entry is about: `event:<id>` or `indicator:<id>`. */
    ref: { type: String, required: true },
    eventId: { type: String },
    eventType: { type: String },
    occurredOn: { type: String },
    indicatorId: { type: String },
    ruleId: { type: String },
    ruleSetId: { type: String, required: true },
    ruleSetVersion: { type: String, required: true },
    /** Change in centipoints (indicator entries: change of the indicator's 0–100 score). */
    centipoints: { type: Number, required: true },
    reason: { type: String, required: true },
    runId: { type: String },
    caseId: { type: String },
    prevHash: { type: String, required: true },
    hash: { type: String, required: true },
  },
  { collection: 'points_ledger', versionKey: false },
);
// The chain: one entry per subject and position (concurrent appends race on it); read newest first
// (history pages), and by subject when rescoring sums the points held per ref (its subjectId prefix).
ledgerEntrySchema.index({ subjectId: 1, seq: -1 }, { unique: true });

const build = (connection: Connection) => connection.model('PointsLedgerEntry', ledgerEntrySchema);

export function ledgerEntryModel(connection: Connection): ReturnType<typeof build> {
  return (connection.models['PointsLedgerEntry'] as ReturnType<typeof build> | undefined) ?? build(connection);
}
