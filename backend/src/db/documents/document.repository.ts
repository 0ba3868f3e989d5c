import type { Connection } from 'mongoose';
import { isDuplicateKey, isObjectId, objectId } from '../plain.js';
import { documentModel, type DocumentOwnerType } from './document.schema.js';

export interface DocumentMeta {
  id: string;
  ownerType: DocumentOwnerType;
  ownerId: string;
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
  uploadedBy: string;
  uploadedAt: Date;
}

export type NewDocument = Omit<DocumentMeta, 'id'> & { content: Buffer };

const metaProjection = { content: 0 } as const;

function toMeta(doc: Record<string, unknown> & { _id: unknown }): DocumentMeta {
  const { _id, content: _content, ...rest } = doc;
  return { ...(rest as Omit<DocumentMeta, 'id'>), id: String(_id) };
}

export class DocumentRepository {
  private readonly model;

  constructor(connection: Connection) {
    this.model = documentModel(connection);
  }

  /** Stores the file, or returns the owner's existing copy of the same bytes. */
  async insertOrFind(data: NewDocument): Promise<{ meta: DocumentMeta; created: boolean }> {
    try {
      const doc = await this.model.create(data);
      return { meta: toMeta(doc.toObject()), created: true };
    } catch (e) {
      if (!isDuplicateKey(e)) throw e;
      const existing = await this.model.findOne({ ownerType: data.ownerType, ownerId: data.ownerId, sha256: data.sha256 }, metaProjection).lean();
      return { meta: toMeta(existing!), created: false };
    }
  }

  /** Internal lookup by id; callers decide who may see it (DocumentService). */
  async findMeta(id: string): Promise<DocumentMeta | undefined> {
    if (!isObjectId(id)) return undefined;
    const doc = await this.model.findById(objectId(id), metaProjection).lean();
    return doc ? toMeta(doc) : undefined;
  }

  async findContent(id: string): Promise<Buffer | undefined> {
    const doc = await this.model.findById(objectId(id), { content: 1 }).lean();
    const content = doc?.content as unknown;
    if (!content) return undefined;
    return Buffer.isBuffer(content) ? content : Buffer.from((content as { buffer: Uint8Array }).buffer);
  }

  async listByOwner(ownerType: DocumentOwnerType, ownerId: string, limit: number, offset: number): Promise<{ items: DocumentMeta[]; total: number }> {
    const filter = { ownerType, ownerId };
    const [docs, total] = await Promise.all([
      this.model.find(filter, metaProjection).sort({ uploadedAt: -1, _id: -1 }).skip(offset).limit(limit).lean(),
      this.model.countDocuments(filter),
    ]);
    return { items: docs.map(toMeta), total };
  }
}
