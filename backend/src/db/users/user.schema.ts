import { Schema, type Connection, type InferSchemaType } from 'mongoose';

const userSchema = new Schema(
  {
    username: { type: String, required: true, lowercase: true, trim: true },
    displayName: { type: String, required: true },
    passwordHash: { type: String, required: true },
    roles: { type: [String], required: true },
    institutionId: { type: Schema.Types.ObjectId },
    subjectId: { type: Schema.Types.ObjectId },
    failedLoginCount: { type: Number, required: true, default: 0 },
    lockedUntil: { type: Date },
    disabled: { type: Boolean, required: true, default: false },
  },
  { timestamps: true, collection: 'users' },
);
// Login looks users up by username; usernames are unique platform-wide.
userSchema.index({ username: 1 }, { unique: true });
// Institution-scoped user lists (a bank's staff).
userSchema.index({ institutionId: 1, createdAt: -1 });

export type UserDoc = InferSchemaType<typeof userSchema>;

const build = (connection: Connection) => connection.model('User', userSchema);

/** The model on this connection (registered once per connection). */
export function userModel(connection: Connection): ReturnType<typeof build> {
  return (connection.models['User'] as ReturnType<typeof build> | undefined) ?? build(connection);
}
