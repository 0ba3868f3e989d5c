import type { Collection, Connection } from 'mongoose';
import type { Page, PageRequest } from '../page.js';
import { isDuplicateKey, isObjectId, objectId } from '../plain.js';
import { ruleSetVersionModel, type RuleSetState } from './rule-set-version.schema.js';

export interface RuleSetVersion {
  id: string;
  ruleSetId: string;
  version: string;
  subjectType: string;
  effectiveFrom: string;
  state: RuleSetState;
  definition: string;
  simulation?: unknown;
  uploadedBy: string;
  uploadedAt: Date;
}

const toVersion = ({ _id, ...rest }: Record<string, unknown>): RuleSetVersion => ({ ...(rest as Omit<RuleSetVersion, 'id'>), id: String(_id) });

export class RuleSetVersionRepository {
  private readonly collection: Collection;

  constructor(connection: Connection) {
    this.collection = ruleSetVersionModel(connection).collection;
  }

  async insert(data: Omit<RuleSetVersion, 'id'>): Promise<RuleSetVersion | undefined> {
    try {
      const result = await this.collection.insertOne({ ...data });
      return { ...data, id: String(result.insertedId) };
    } catch (e) {
      if (isDuplicateKey(e)) return undefined;
      throw e;
    }
  }

  async find(id: string): Promise<RuleSetVersion | undefined> {
    if (!isObjectId(id)) return undefined;
    const doc = await this.collection.findOne({ _id: objectId(id) });
    return doc ? toVersion(doc) : undefined;
  }

  async scheduled(subjectType?: string): Promise<RuleSetVersion[]> {
    const docs = await this.collection.find({ state: 'scheduled', ...(subjectType ? { subjectType } : {}) }).toArray();
    return docs.map(toVersion);
  }

  async list(page: PageRequest, subjectType?: string): Promise<Page<Omit<RuleSetVersion, 'definition' | 'simulation'>>> {
    const filter = subjectType ? { subjectType } : {};
    const [docs, total] = await Promise.all([
      this.collection.find(filter, { projection: { definition: 0, simulation: 0 } }).sort({ subjectType: 1, effectiveFrom: -1, uploadedAt: -1 }).skip(page.offset).limit(page.limit).toArray(),
      this.collection.countDocuments(filter),
    ]);
    return { items: docs.map(toVersion), total };
  }

  count(): Promise<number> {
    return this.collection.estimatedDocumentCount();
  }

  /** Compare-and-set on the state (one of `from` → `to`), with extra fields set in the same write. */
  async transition(id: string, from: readonly RuleSetState[], to: RuleSetState, set: Record<string, unknown> = {}): Promise<RuleSetVersion | undefined> {
    const doc = await this.collection.findOneAndUpdate(
      { _id: objectId(id), state: { $in: [...from] } },
      { $set: { ...set, state: to } },
      { returnDocument: 'after' },
    );
    return doc ? toVersion(doc) : undefined;
  }
}
