import { Schema, type Connection } from 'mongoose';

// One counter per guarantor: the guarantees it has outstanding (reserved at approval, released when
// a guarantee leaves the outstanding states), per obligor, and the reservation of each guarantee.
// Every reservation is one conditional `$inc` on this document, so concurrent approvals can never
// together pass a limit. Amounts integer fen.
const capacitySchema = new Schema(
  {
    institutionId: { type: String, required: true },
    outstandingFen: { type: Number, required: true, validate: Number.isSafeInteger },
    /** subjectId → outstanding fen of that obligor. */
    obligors: { type: Schema.Types.Mixed, default: {} },
    /** guaranteeId → { amountFen, subjectId, at } while the guarantee holds capacity. */
    reservations: { type: Schema.Types.Mixed, default: {} },
    rebuiltAt: { type: Date, required: true },
  },
  { collection: 'guarantee_capacity', minimize: false, versionKey: false },
);
// One counter per guarantor: every reservation and release finds it by institution id.
capacitySchema.index({ institutionId: 1 }, { unique: true });

const build = (c: Connection) => c.model('GuaranteeCapacity', capacitySchema);

export function guaranteeCapacityModel(c: Connection): ReturnType<typeof build> {
  return (c.models['GuaranteeCapacity'] as ReturnType<typeof build> | undefined) ?? build(c);
}
