import type { Collection, Connection } from 'mongoose';
import { isDuplicateKey } from '../plain.js';
import { ingestBatchModel } from './ingest-batch.schema.js';

export interface IngestBatch {
  id: string;
  partnerId: string;
  idempotencyKey: string;
  bodyHash: string;
  state: 'processing' | 'done';
  result?: unknown;
}

export class IngestBatchRepository {
  private readonly collection: Collection;

  constructor(connection: Connection) {
    this.collection = ingestBatchModel(connection).collection;
  }

  /** Claims the key; when it was claimed before, returns the earlier batch instead. */
  async claim(partnerId: string, idempotencyKey: string, bodyHash: string, now: Date): Promise<{ claimed: true; id: string } | { claimed: false; batch: IngestBatch }> {
    try {
      const result = await this.collection.insertOne({ partnerId, idempotencyKey, bodyHash, state: 'processing', receivedAt: now });
      return { claimed: true, id: String(result.insertedId) };
    } catch (e) {
      if (!isDuplicateKey(e)) throw e;
      const { _id, ...rest } = (await this.collection.findOne({ partnerId, idempotencyKey }))!;
      return { claimed: false, batch: { ...(rest as Omit<IngestBatch, 'id'>), id: String(_id) } };
    }
  }

  async finish(partnerId: string, idempotencyKey: string, result: unknown): Promise<void> {
    await this.collection.updateOne({ partnerId, idempotencyKey }, { $set: { state: 'done', result } });
  }
}
