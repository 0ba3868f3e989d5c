import { Schema, type Connection } from 'mongoose';

export const eventStates = ['active', 'reversed', 'repaired'] as const;
export type EventState = (typeof eventStates)[number];

const pointsEventSchema = new Schema(
  {
    subjectId: { type: String, required: true },
    partnerId: { type: String, required: true },
    partnerCode: { type: String, required: true },
    partnerEventId: { type: String, required: true },
    type: { type: String, required: true },
    occurredAt: { type: Date, required: true },
    /** China-time calendar day of occurredAt: the day the rules count it on. */
    occurredOn: { type: String, required: true },
    quantity: { type: Number, required: true },
    /** Shared by reports of the same behaviour from different partners: counted once. */
    dedupKey: { type: String, required: true },
    evidenceRef: { type: String },
    batchId: { type: String, required: true },
    receivedAt: { type: Date, required: true },
    /** reversed: an accepted objection took it out; repaired: an accepted credit repair lifted it. */
    state: { type: String, required: true, enum: eventStates },
  },
  { collection: 'points_events', versionKey: false },
);
// Per-event idempotency: a partner's event id is stored once.
pointsEventSchema.index({ partnerId: 1, partnerEventId: 1 }, { unique: true });
// Scoring: a subject's events (the recompute reads them by subject, in batches of subjects).
pointsEventSchema.index({ subjectId: 1, occurredAt: 1 });

const build = (connection: Connection) => connection.model('PointsEvent', pointsEventSchema);

export function pointsEventModel(connection: Connection): ReturnType<typeof build> {
  return (connection.models['PointsEvent'] as ReturnType<typeof build> | undefined) ?? build(connection);
}
