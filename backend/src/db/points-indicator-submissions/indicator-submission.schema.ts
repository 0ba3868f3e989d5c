import { Schema, type Connection } from 'mongoose';

const indicatorSubmissionSchema = new Schema(
  {
    subjectId: { type: String, required: true },
    indicatorId: { type: String, required: true },
    value: { type: Schema.Types.Mixed, required: true },
    period: { type: String, required: true },
    documentIds: { type: [String], required: true },
    /** SHA-256 of each evidence document, copied at submission. */
    documentHashes: { type: [String], required: true },
    state: { type: String, required: true, enum: ['submitted', 'accepted', 'rejected'] },
    submittedBy: { type: String, required: true },
    submittedAt: { type: Date, required: true },
    decidedBy: { type: String },
    decidedAt: { type: Date },
    note: { type: String },
  },
  { collection: 'points_indicator_submissions', versionKey: false, minimize: false },
);
// A subject's submissions, newest first (and the accepted ones that feed scoring).
indicatorSubmissionSchema.index({ subjectId: 1, submittedAt: -1 });
// The reviewer's queue: submissions by state, oldest first.
indicatorSubmissionSchema.index({ state: 1, submittedAt: 1 });

const build = (connection: Connection) => connection.model('PointsIndicatorSubmission', indicatorSubmissionSchema);

export function indicatorSubmissionModel(connection: Connection): ReturnType<typeof build> {
  return (connection.models['PointsIndicatorSubmission'] as ReturnType<typeof build> | undefined) ?? build(connection);
}
