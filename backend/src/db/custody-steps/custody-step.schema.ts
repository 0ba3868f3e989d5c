import { Schema, type Connection } from 'mongoose';

export const custodyStepTypes = ['harvest', 'processing', 'inspection', 'transport', 'sale'] as const;

// One step of a batch's custody chain: what was done, by which institution (or the producer), the
// previous step's hash, this step's hash and the performer's HMAC signature over that hash.
const custodyStepSchema = new Schema(
  {
    batchId: { type: String, required: true },
    seq: { type: Number, required: true },
    type: { type: String, required: true, enum: custodyStepTypes },
    performedAt: { type: Date, required: true },
    location: { type: String, required: true },
    description: { type: String, required: true },
    quantity: { type: Number, default: null },
    documents: { type: [{ _id: false, id: String, filename: String, sha256: String }], default: [] },
    performer: { type: Schema.Types.Mixed, required: true },
    recordedBy: { type: Schema.Types.Mixed, required: true },
    recordedAt: { type: Date, required: true },
    prevHash: { type: String, required: true },
    hash: { type: String, required: true },
    signature: { type: Schema.Types.Mixed, required: true },
  },
  { collection: 'custody_steps', minimize: false },
);
// One step per position: two concurrent appends to one batch cannot both take seq n; the chain is read in seq order.
custodyStepSchema.index({ batchId: 1, seq: 1 }, { unique: true });

const build = (connection: Connection) => connection.model('CustodyStep', custodyStepSchema);
export function custodyStepModel(connection: Connection): ReturnType<typeof build> {
  return (connection.models['CustodyStep'] as ReturnType<typeof build> | undefined) ?? build(connection);
}
