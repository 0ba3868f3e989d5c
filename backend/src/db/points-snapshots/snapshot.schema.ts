import { Schema, type Connection } from 'mongoose';

const snapshotSchema = new Schema(
  {
    subjectId: { type: String, required: true },
    subjectName: { type: String, required: true },
    subjectType: { type: String, required: true },
    asOf: { type: String, required: true },
    ruleSetId: { type: String, required: true },
    ruleSetVersion: { type: String, required: true },
    totalCentipoints: { type: Number, required: true },
    /** Sum of the subject's ledger: equals the total in accumulating mode. */
    ledgerBalanceCentipoints: { type: Number, required: true },
    baseGrade: { type: String },
    grade: { type: String },
    /** The day the subject first had its present grade (credit-repair window). */
    gradeSince: { type: String },
    benefits: { type: Schema.Types.Mixed },
    breakdown: { type: Schema.Types.Mixed },
    vetoesApplied: { type: Schema.Types.Mixed },
    downgradesApplied: { type: Schema.Types.Mixed },
    coverage: { type: Schema.Types.Mixed },
    /** The recompute run (or `on-demand`) that wrote it: rewriting with the same run changes nothing. */
    runId: { type: String, required: true },
    computedAt: { type: Date, required: true },
  },
  { collection: 'points_snapshots', versionKey: false, minimize: false },
);
// A subject's current score: one snapshot per subject.
snapshotSchema.index({ subjectId: 1 }, { unique: true });
// Rule-set simulation and statistics: the population of one subject type by grade.
snapshotSchema.index({ subjectType: 1, grade: 1 });

const build = (connection: Connection) => connection.model('PointsSnapshot', snapshotSchema);

export function snapshotModel(connection: Connection): ReturnType<typeof build> {
  return (connection.models['PointsSnapshot'] as ReturnType<typeof build> | undefined) ?? build(connection);
}
