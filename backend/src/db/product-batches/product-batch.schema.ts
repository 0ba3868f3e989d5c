import { Schema, type Connection } from 'mongoose';

// A batch of a certified product: its public code (printed on the label, in the QR code's URL),
// the certificate, the origin asset and the head of its custody chain (the last step's seq and hash,
// so a removed last step is detected too).
const batchSchema = new Schema(
  {
    code: { type: String, required: true },
    producerSubjectId: { type: String, required: true },
    certificateId: { type: String, required: true },
    productName: { type: String, required: true },
    quantity: { type: Number, required: true },
    unit: { type: String, required: true },
    origin: { type: Schema.Types.Mixed, required: true },
    head: {
      seq: { type: Number, required: true },
      hash: { type: String, required: true },
    },
    createdBy: { type: Schema.Types.Mixed, required: true },
  },
  { timestamps: true, collection: 'product_batches', minimize: false },
);
// The public lookup by label code; registering refuses a second batch with the same code.
batchSchema.index({ code: 1 }, { unique: true });
// The producer's batches, newest first.
batchSchema.index({ producerSubjectId: 1, createdAt: -1 });
// Certified production per producer (points indicator) and batches of one certificate.
batchSchema.index({ certificateId: 1 });

const build = (connection: Connection) => connection.model('ProductBatch', batchSchema);
export function productBatchModel(connection: Connection): ReturnType<typeof build> {
  return (connection.models['ProductBatch'] as ReturnType<typeof build> | undefined) ?? build(connection);
}
