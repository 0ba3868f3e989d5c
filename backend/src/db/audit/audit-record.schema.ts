import { Schema, type Connection, type InferSchemaType } from 'mongoose';

const auditRecordSchema = new Schema(
  {
    seq: { type: Number, required: true },
    at: { type: Date, required: true },
    actor: {
      userId: { type: String },
      username: { type: String },
    },
    institutionId: { type: String },
    subjectId: { type: String },
    action: { type: String, required: true },
    entityType: { type: String, required: true },
    entityId: { type: String },
    requestId: { type: String },
    idempotencyKey: { type: String },
    changes: { type: Schema.Types.Mixed },
    prevHash: { type: String, required: true },
    hash: { type: String, required: true },
  },
  { collection: 'audit_records', versionKey: false, minimize: false },
);
// The chain: exactly one record per sequence number (concurrent appends race on it), read in order.
auditRecordSchema.index({ seq: 1 }, { unique: true });
// History of one entity.
auditRecordSchema.index({ entityType: 1, entityId: 1, seq: -1 });
// An institution's own audit trail.
auditRecordSchema.index({ institutionId: 1, seq: -1 });
// A resent request: is this user's Idempotency-Key already recorded (router's audit fallback)?
auditRecordSchema.index({ idempotencyKey: 1, 'actor.userId': 1 }, { sparse: true });

export type AuditRecordDoc = InferSchemaType<typeof auditRecordSchema>;

const build = (connection: Connection) => connection.model('AuditRecord', auditRecordSchema);

/** The model on this connection (registered once per connection). */
export function auditRecordModel(connection: Connection): ReturnType<typeof build> {
  return (connection.models['AuditRecord'] as ReturnType<typeof build> | undefined) ?? build(connection);
}
