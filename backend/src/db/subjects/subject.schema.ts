import { Schema, type Connection, type InferSchemaType } from 'mongoose';

export const subjectTypes = ['individual', 'enterprise', 'social_organisation'] as const;
export type SubjectType = (typeof subjectTypes)[number];

const subjectSchema = new Schema(
  {
    type: { type: String, required: true, enum: subjectTypes },
    name: { type: String, required: true },
    nameEn: { type: String },
    region: { type: String, required: true },
    /** Unified social credit code for enterprises and organisations; masked ID number for individuals. */
    code: { type: String, required: true },
    industry: { type: String },
    basin: { type: String },
  },
  { timestamps: true, collection: 'subjects' },
);
// One subject per code and type: registration refuses duplicates.
subjectSchema.index({ type: 1, code: 1 }, { unique: true });
// Directory lists: subjects of one region, newest first.
subjectSchema.index({ region: 1, createdAt: -1 });

export type SubjectDoc = InferSchemaType<typeof subjectSchema>;

const build = (connection: Connection) => connection.model('Subject', subjectSchema);

/** The model on this connection (registered once per connection). */
export function subjectModel(connection: Connection): ReturnType<typeof build> {
  return (connection.models['Subject'] as ReturnType<typeof build> | undefined) ?? build(connection);
}
