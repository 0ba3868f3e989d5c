import { Schema, type Connection, type InferSchemaType } from 'mongoose';

const refreshTokenSchema = new Schema(
  {
    /** SHA-256 of the opaque token; the token itself is never stored. */
    tokenHash: { type: String, required: true },
    userId: { type: Schema.Types.ObjectId, required: true },
    /** Every rotation of one login shares a family; reuse of a rotated token revokes the family. */
    familyId: { type: String, required: true },
    expiresAt: { type: Date, required: true },
    revokedAt: { type: Date },
    revokedReason: { type: String },
  },
  { timestamps: true, collection: 'refresh_tokens' },
);
// Refresh and logout find the token by its hash; a hash is issued once.
refreshTokenSchema.index({ tokenHash: 1 }, { unique: true });
// Reuse detection revokes a whole family.
refreshTokenSchema.index({ familyId: 1 });
// Purge job removes expired tokens.
refreshTokenSchema.index({ expiresAt: 1 });

export type RefreshTokenDoc = InferSchemaType<typeof refreshTokenSchema>;

const build = (connection: Connection) => connection.model('RefreshToken', refreshTokenSchema);

/** The model on this connection (registered once per connection). */
export function refreshTokenModel(connection: Connection): ReturnType<typeof build> {
  return (connection.models['RefreshToken'] as ReturnType<typeof build> | undefined) ?? build(connection);
}
