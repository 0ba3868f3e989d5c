import { Schema, type Connection, type InferSchemaType } from 'mongoose';

export const documentOwnerTypes = ['subject', 'institution'] as const;
export type DocumentOwnerType = (typeof documentOwnerTypes)[number];

// One document per file, content included (uploads are capped well below MongoDB's 16 MB), so a
// file is stored whole or not at all.
const documentSchema = new Schema(
  {
    ownerType: { type: String, required: true, enum: documentOwnerTypes },
    ownerId: { type: String, required: true },
    filename: { type: String, required: true },
    contentType: { type: String, required: true },
    size: { type: Number, required: true },
    sha256: { type: String, required: true },
    uploadedBy: { type: String, required: true },
    uploadedAt: { type: Date, required: true },
    content: { type: Buffer, required: true },
  },
  { collection: 'documents', versionKey: false },
);
// The same file uploaded twice by one owner is stored once (idempotent upload).
documentSchema.index({ ownerType: 1, ownerId: 1, sha256: 1 }, { unique: true });
// An owner's documents, newest first.
documentSchema.index({ ownerType: 1, ownerId: 1, uploadedAt: -1 });

export type DocumentDoc = InferSchemaType<typeof documentSchema>;

const build = (connection: Connection) => connection.model('Document', documentSchema);

/** The model on this connection (registered once per connection). */
export function documentModel(connection: Connection): ReturnType<typeof build> {
  return (connection.models['Document'] as ReturnType<typeof build> | undefined) ?? build(connection);
}
