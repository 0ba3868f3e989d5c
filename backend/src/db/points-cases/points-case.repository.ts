import type { Collection, Connection } from 'mongoose';
import type { Page, PageRequest } from '../page.js';
import { isDuplicateKey, isObjectId, objectId } from '../plain.js';
import { pointsCaseModel } from './points-case.schema.js';

export type CaseKind = 'objection' | 'credit_repair';
export type CaseState = 'submitted' | 'accepted' | 'rejected';

export interface PointsCase {
  id: string;
  kind: CaseKind;
  subjectId: string;
  target?: 'ledger_entry' | 'grade' | undefined;
  ledgerEntryId?: string | undefined;
  grade?: string | undefined;
  reason: string;
  documentIds: string[];
  state: CaseState;
  openKey?: string | undefined;
  filedBy: string;
  filedAt: Date;
  dueBy: Date;
  decidedBy?: string | undefined;
  decidedAt?: Date | undefined;
  note?: string | undefined;
}

const toCase = ({ _id, openKey: _open, ...rest }: Record<string, unknown>): PointsCase => ({ ...(rest as Omit<PointsCase, 'id'>), id: String(_id) });
const scoped = (subjectId: string | undefined, extra: Record<string, unknown>) => (subjectId ? { ...extra, subjectId } : extra);

export class PointsCaseRepository {
  private readonly collection: Collection;

  constructor(connection: Connection) {
    this.collection = pointsCaseModel(connection).collection;
  }

  /** Files a case; undefined when the same target already has an open case. */
  async insert(data: Omit<PointsCase, 'id'>): Promise<PointsCase | undefined> {
    try {
      const result = await this.collection.insertOne({ ...data });
      return toCase({ ...data, _id: result.insertedId });
    } catch (e) {
      if (isDuplicateKey(e)) return undefined;
      throw e;
    }
  }

  async find(subjectId: string | undefined, id: string): Promise<PointsCase | undefined> {
    if (!isObjectId(id)) return undefined;
    const doc = await this.collection.findOne(scoped(subjectId, { _id: objectId(id) }));
    return doc ? toCase(doc) : undefined;
  }

  /** Own cases newest first; the reviewer's queue (all subjects) by deadline. */
  async list(subjectId: string | undefined, page: PageRequest, filter: { kind?: CaseKind | undefined; state?: CaseState | undefined }): Promise<Page<PointsCase>> {
    const query = scoped(subjectId, { ...(filter.kind ? { kind: filter.kind } : {}), ...(filter.state ? { state: filter.state } : {}) });
    const sort: Record<string, 1 | -1> = subjectId ? { filedAt: -1 } : { state: -1, dueBy: 1 };
    const [docs, total] = await Promise.all([
      this.collection.find(query).sort(sort).skip(page.offset).limit(page.limit).toArray(),
      this.collection.countDocuments(query),
    ]);
    return { items: docs.map(toCase), total };
  }

  /** Compare-and-set decision: submitted → accepted/rejected, once. */
  async decide(id: string, to: CaseState, set: Record<string, unknown>): Promise<PointsCase | undefined> {
    const doc = await this.collection.findOneAndUpdate(
      { _id: objectId(id), state: 'submitted' },
      { $set: { ...set, state: to, openKey: `closed:${id}` } },
      { returnDocument: 'after' },
    );
    return doc ? toCase(doc) : undefined;
  }
}
