import type { Connection } from 'mongoose';
import type { Page, PageRequest } from '../page.js';
import { isDuplicateKey, isObjectId, objectId, withId } from '../plain.js';
import { productBatchModel } from './product-batch.schema.js';

export interface BatchOrigin {
  assetId: string;
  assetType: string;
  assetName: string;
  certificateNumber: string;
}

export interface ProductBatch {
  id: string;
  code: string;
  producerSubjectId: string;
  certificateId: string;
  productName: string;
  quantity: number;
  unit: string;
  origin: BatchOrigin;
  head: { seq: number; hash: string };
  createdBy: { userId: string; username: string };
  createdAt: Date;
  updatedAt: Date;
}

export type NewBatch = Omit<ProductBatch, 'id' | 'createdAt' | 'updatedAt'>;

/** A producer's own batches, or every batch (platform readers, custody operators looking a code up). */
export type BatchScope = { kind: 'producer'; subjectId: string } | { kind: 'all' };

const scopeFilter = (scope: BatchScope): Record<string, unknown> => (scope.kind === 'producer' ? { producerSubjectId: scope.subjectId } : {});
const toBatch = (doc: unknown): ProductBatch => withId(doc as { _id: unknown }) as unknown as ProductBatch;

export class ProductBatchRepository {
  private readonly model;

  constructor(connection: Connection) {
    this.model = productBatchModel(connection);
  }

  /** Inserts a batch with an empty chain; undefined when the code is taken. */
  async insert(data: NewBatch): Promise<ProductBatch | undefined> {
    try {
      return toBatch((await this.model.create(data)).toObject());
    } catch (e) {
      if (isDuplicateKey(e)) return undefined;
      throw e;
    }
  }

  async find(scope: BatchScope, id: string): Promise<ProductBatch | undefined> {
    if (!isObjectId(id)) return undefined;
    const doc = await this.model.findOne({ ...scopeFilter(scope), _id: objectId(id) }).lean();
    return doc ? toBatch(doc) : undefined;
  }

  /** By the public label code (public lookup: every batch is public by its code). */
  async findByCode(code: string): Promise<ProductBatch | undefined> {
    const doc = await this.model.findOne({ code }).lean();
    return doc ? toBatch(doc) : undefined;
  }

  async list(scope: BatchScope, page: PageRequest): Promise<Page<ProductBatch>> {
    const query = scopeFilter(scope);
    const [docs, total] = await Promise.all([
      this.model.find(query).sort({ createdAt: -1, _id: -1 }).skip(page.offset).limit(page.limit).lean(),
      this.model.countDocuments(query),
    ]);
    return { items: docs.map(toBatch), total };
  }

  /** Moves the chain head from (seq, hash) to the new last step: compare-and-set, so a stale head never wins. */
  async advanceHead(id: string, from: { seq: number; hash: string }, to: { seq: number; hash: string }): Promise<ProductBatch | undefined> {
    if (!isObjectId(id)) return undefined;
    const doc = await this.model.findOneAndUpdate({ _id: objectId(id), 'head.seq': from.seq, 'head.hash': from.hash }, { $set: { head: to } }, { returnDocument: 'after' }).lean();
    return doc ? toBatch(doc) : undefined;
  }

  /** Batches of certified production per producer (for the certified-production indicator). */
  async countByProducer(producerSubjectId: string): Promise<number> {
    return this.model.countDocuments({ producerSubjectId });
  }
}
