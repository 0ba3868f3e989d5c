import { Schema, type Connection } from 'mongoose';

const partnerKeySchema = new Schema(
  {
    institutionId: { type: String, required: true },
    label: { type: String, required: true },
    /** SHA-256 of the key; the key itself is shown once, at creation. */
    keyHash: { type: String, required: true },
    prefix: { type: String, required: true },
    eventTypes: { type: [String], required: true },
    createdBy: { type: String, required: true },
    createdAt: { type: Date, required: true },
    revokedAt: { type: Date },
  },
  { collection: 'points_partner_keys', versionKey: false },
);
// Authentication: `Authorization: ApiKey <key>` is looked up by its hash.
partnerKeySchema.index({ keyHash: 1 }, { unique: true });
// Admin list: one partner's keys, newest first.
partnerKeySchema.index({ institutionId: 1, createdAt: -1 });

const build = (connection: Connection) => connection.model('PointsPartnerKey', partnerKeySchema);

export function partnerKeyModel(connection: Connection): ReturnType<typeof build> {
  return (connection.models['PointsPartnerKey'] as ReturnType<typeof build> | undefined) ?? build(connection);
}
