import { Schema, type Connection } from 'mongoose';

const pointsCaseSchema = new Schema(
  {
    kind: { type: String, required: true, enum: ['objection', 'credit_repair'] },
    subjectId: { type: String, required: true },
    /** Objections: a ledger entry or the grade. */
    target: { type: String, enum: ['ledger_entry', 'grade'] },
    ledgerEntryId: { type: String },
    /** The grade when the case was filed. */
    grade: { type: String },
    reason: { type: String, required: true },
    documentIds: { type: [String], required: true },
    state: { type: String, required: true, enum: ['submitted', 'accepted', 'rejected'] },
    /** Subject, kind and target while submitted, then `closed:<id>`: one open case per target (unique index). */
    openKey: { type: String, required: true },
    filedBy: { type: String, required: true },
    filedAt: { type: Date, required: true },
    dueBy: { type: Date, required: true },
    decidedBy: { type: String },
    decidedAt: { type: Date },
    note: { type: String },
  },
  { collection: 'points_cases', versionKey: false, minimize: false },
);
// One open case per subject and target: a second objection to the same entry is refused.
pointsCaseSchema.index({ openKey: 1 }, { unique: true });
// A subject's own cases, newest first.
pointsCaseSchema.index({ subjectId: 1, filedAt: -1 });
// The reviewer's queue: open cases by deadline (overdue first).
pointsCaseSchema.index({ state: 1, dueBy: 1 });

const build = (connection: Connection) => connection.model('PointsCase', pointsCaseSchema);

export function pointsCaseModel(connection: Connection): ReturnType<typeof build> {
  return (connection.models['PointsCase'] as ReturnType<typeof build> | undefined) ?? build(connection);
}
