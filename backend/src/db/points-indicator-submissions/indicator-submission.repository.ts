import type { Collection, Connection } from 'mongoose';
import type { IndicatorValue } from '@eco/scoring';
import type { Page, PageRequest } from '../page.js';
import { isObjectId, objectId } from '../plain.js';
import { streamBatchSize, subjectsAfter, subjectsIn } from '../points-population/subject-selection.js';
import { indicatorSubmissionModel } from './indicator-submission.schema.js';

export type SubmissionState = 'submitted' | 'accepted' | 'rejected';

export interface IndicatorSubmission {
  id: string;
  subjectId: string;
  indicatorId: string;
  value: IndicatorValue;
  period: string;
  documentIds: string[];
  documentHashes: string[];
  state: SubmissionState;
  submittedBy: string;
  submittedAt: Date;
  decidedBy?: string | undefined;
  decidedAt?: Date | undefined;
  note?: string | undefined;
}

const toSubmission = ({ _id, ...rest }: Record<string, unknown>): IndicatorSubmission => ({ ...(rest as Omit<IndicatorSubmission, 'id'>), id: String(_id) });

/** Tenant filter: undefined subjectId = every subject (reviewers). */
const scoped = (subjectId: string | undefined, extra: Record<string, unknown>) => (subjectId ? { ...extra, subjectId } : extra);

export class IndicatorSubmissionRepository {
  private readonly collection: Collection;

  constructor(connection: Connection) {
    this.collection = indicatorSubmissionModel(connection).collection;
  }

  async insert(data: Omit<IndicatorSubmission, 'id'>): Promise<IndicatorSubmission> {
    const result = await this.collection.insertOne({ ...data });
    return { ...data, id: String(result.insertedId) };
  }

  async insertMany(data: readonly Omit<IndicatorSubmission, 'id'>[]): Promise<void> {
    if (data.length > 0) await this.collection.insertMany(data.map((d) => ({ ...d })));
  }

  async find(subjectId: string | undefined, id: string): Promise<IndicatorSubmission | undefined> {
    if (!isObjectId(id)) return undefined;
    const doc = await this.collection.findOne(scoped(subjectId, { _id: objectId(id) }));
    return doc ? toSubmission(doc) : undefined;
  }

  async list(subjectId: string | undefined, page: PageRequest, state?: SubmissionState): Promise<Page<IndicatorSubmission>> {
    const filter = scoped(subjectId, state ? { state } : {});
    const [docs, total] = await Promise.all([
      this.collection.find(filter).sort({ submittedAt: subjectId ? -1 : 1 }).skip(page.offset).limit(page.limit).toArray(),
      this.collection.countDocuments(filter),
    ]);
    return { items: docs.map(toSubmission), total };
  }

  /** The accepted values of these subjects (latest per indicator wins when scoring). */
  async acceptedForSubjects(subjectIds: readonly string[]): Promise<IndicatorSubmission[]> {
    const docs = await this.collection.find({ subjectId: subjectsIn(subjectIds), state: 'accepted' }).sort({ decidedAt: 1 }).toArray();
    return docs.map(toSubmission);
  }

  /** The recompute's single pass: accepted values of every subject after the cursor, in subject order (the index's order; callers order each subject's values by decision time). */
  async *acceptedInSubjectOrder(cursor: string | null): AsyncGenerator<IndicatorSubmission> {
    const docs = this.collection.find({ ...subjectsAfter(cursor), state: 'accepted' }, { batchSize: streamBatchSize }).sort({ subjectId: 1 });
    for await (const doc of docs) yield toSubmission(doc);
  }

  /** Compare-and-set decision: only a submitted record can be decided, once. */
  async decide(id: string, to: SubmissionState, set: Record<string, unknown>): Promise<IndicatorSubmission | undefined> {
    const doc = await this.collection.findOneAndUpdate({ _id: objectId(id), state: 'submitted' }, { $set: { ...set, state: to } }, { returnDocument: 'after' });
    return doc ? toSubmission(doc) : undefined;
  }
}
