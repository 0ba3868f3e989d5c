import type { Collection, Connection } from 'mongoose';
import { isDuplicateKey, isObjectId, objectId } from '../plain.js';
import { recomputeRunModel } from './recompute-run.schema.js';

export interface RecomputeRun {
  id: string;
  state: 'running' | 'completed';
  asOf: string;
  total: number;
  processed: number;
  cursor: string | null;
  batches: number;
  startedBy: string;
  startedAt: Date;
  finishedAt: Date | null;
}

const toRun = ({ _id, slot: _slot, ...rest }: Record<string, unknown>): RecomputeRun =>
  ({ cursor: null, finishedAt: null, ...(rest as object), id: String(_id) }) as RecomputeRun;

export class RecomputeRunRepository {
  private readonly collection: Collection;

  constructor(connection: Connection) {
    this.collection = recomputeRunModel(connection).collection;
  }

  /** Starts a run, or returns undefined when one is already running. */
  async start(data: { asOf: string; total: number; startedBy: string; startedAt: Date }): Promise<RecomputeRun | undefined> {
    try {
      const doc = { ...data, state: 'running', slot: 'running', processed: 0, batches: 0 };
      const result = await this.collection.insertOne(doc);
      return toRun({ ...doc, _id: result.insertedId });
    } catch (e) {
      if (isDuplicateKey(e)) return undefined;
      throw e;
    }
  }

  async running(): Promise<RecomputeRun | undefined> {
    const doc = await this.collection.findOne({ state: 'running' });
    return doc ? toRun(doc) : undefined;
  }

  async latest(): Promise<RecomputeRun | undefined> {
    const doc = await this.collection.find({}).sort({ startedAt: -1 }).limit(1).next();
    return doc ? toRun(doc) : undefined;
  }

  async find(id: string): Promise<RecomputeRun | undefined> {
    if (!isObjectId(id)) return undefined;
    const doc = await this.collection.findOne({ _id: objectId(id) });
    return doc ? toRun(doc) : undefined;
  }

  /** Compare-and-set on the cursor: a batch is counted once, by whoever moves the cursor past it. */
  async advance(id: string, fromCursor: string | null, toCursor: string, count: number): Promise<boolean> {
    const result = await this.collection.updateOne(
      { _id: objectId(id), state: 'running', cursor: fromCursor === null ? { $exists: false } : fromCursor },
      { $set: { cursor: toCursor }, $inc: { processed: count, batches: 1 } },
    );
    return result.modifiedCount === 1;
  }

  async complete(id: string, at: Date): Promise<boolean> {
    const result = await this.collection.updateOne({ _id: objectId(id), state: 'running' }, { $set: { state: 'completed', finishedAt: at, slot: id } });
    return result.modifiedCount === 1;
  }
}
