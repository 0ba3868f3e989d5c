import { Schema, type Connection } from 'mongoose';

// Fixed-window counters shared by every API instance: _id = "<bucket>:<key>:<window start>".
const rateLimitSchema = new Schema(
  {
    _id: { type: String, required: true },
    count: { type: Number, required: true },
    expiresAt: { type: Date, required: true },
  },
  { collection: 'rate_limits', versionKey: false },
);
// Purge of finished windows (TTL on MongoDB; the purge job covers engines without TTL).
rateLimitSchema.index({ expiresAt: 1 }, { expireAfterSeconds: 0 });

const build = (connection: Connection) => connection.model('RateLimit', rateLimitSchema);

/** The model on this connection (registered once per connection). */
export function rateLimitModel(connection: Connection): ReturnType<typeof build> {
  return (connection.models['RateLimit'] as ReturnType<typeof build> | undefined) ?? build(connection);
}
