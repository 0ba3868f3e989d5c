import { Schema, type Connection } from 'mongoose';

// The platform-held HMAC key of each performer of custody steps (an institution, or a producer
// subject). Never returned by any endpoint.
const signingKeySchema = new Schema(
  {
    performerKey: { type: String, required: true },
    secret: { type: String, required: true },
    createdAt: { type: Date, required: true },
  },
  { collection: 'custody_signing_keys' },
);
// One key per performer ('institution:<id>' / 'subject:<id>'): concurrent first steps agree on one key.
signingKeySchema.index({ performerKey: 1 }, { unique: true });

const build = (connection: Connection) => connection.model('CustodySigningKey', signingKeySchema);
export function custodySigningKeyModel(connection: Connection): ReturnType<typeof build> {
  return (connection.models['CustodySigningKey'] as ReturnType<typeof build> | undefined) ?? build(connection);
}
