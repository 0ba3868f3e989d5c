import { Schema, type Connection } from 'mongoose';

const ingestBatchSchema = new Schema(
  {
    partnerId: { type: String, required: true },
    idempotencyKey: { type: String, required: true },
    /** SHA-256 of the request body: the same key with a different body is refused. */
    bodyHash: { type: String, required: true },
    state: { type: String, required: true, enum: ['processing', 'done'] },
    result: { type: Schema.Types.Mixed },
    receivedAt: { type: Date, required: true },
  },
  { collection: 'points_ingest_batches', versionKey: false, minimize: false },
);
// Batch idempotency: one batch per partner and Idempotency-Key; a resend reads the stored answer.
ingestBatchSchema.index({ partnerId: 1, idempotencyKey: 1 }, { unique: true });

const build = (connection: Connection) => connection.model('PointsIngestBatch', ingestBatchSchema);

export function ingestBatchModel(connection: Connection): ReturnType<typeof build> {
  return (connection.models['PointsIngestBatch'] as ReturnType<typeof build> | undefined) ?? build(connection);
}
