import { Schema } from 'mongoose';

/** One workflow transition as kept on the document it moved (loans, guarantees, bonds). */
export const transitionHistorySchema = new Schema(
  {
    action: { type: String, required: true },
    from: { type: String, default: null },
    to: { type: String, required: true },
    at: { type: Date, required: true },
    by: { type: Schema.Types.Mixed, default: null },
    reason: { type: String },
    idempotencyKey: { type: String },
  },
  { _id: false },
);
