import { Schema, type Connection } from 'mongoose';

const recomputeRunSchema = new Schema(
  {
    state: { type: String, required: true, enum: ['running', 'completed'] },
    /** `running` while the run runs, then the run's own id: the unique index lets one run run at a time. */
    slot: { type: String, required: true },
    asOf: { type: String, required: true },
    total: { type: Number, required: true },
    processed: { type: Number, required: true },
    /** Last subject id done: the next batch starts after it (resume after a crash). */
    cursor: { type: String },
    batches: { type: Number, required: true },
    startedBy: { type: String, required: true },
    startedAt: { type: Date, required: true },
    finishedAt: { type: Date },
  },
  { collection: 'points_recompute_runs', versionKey: false },
);
// At most one running run; starting a second while one runs is refused.
recomputeRunSchema.index({ slot: 1 }, { unique: true });
// Progress: the latest run.
recomputeRunSchema.index({ startedAt: -1 });

const build = (connection: Connection) => connection.model('PointsRecomputeRun', recomputeRunSchema);

export function recomputeRunModel(connection: Connection): ReturnType<typeof build> {
  return (connection.models['PointsRecomputeRun'] as ReturnType<typeof build> | undefined) ?? build(connection);
}
