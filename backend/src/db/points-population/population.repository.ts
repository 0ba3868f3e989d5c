// The subjects the points engine scores, read in id order (recompute batches, simulation).
import type { Collection, Connection } from 'mongoose';
import { isObjectId, objectId } from '../plain.js';
import { subjectModel } from '../subjects/subject.schema.js';
import { streamBatchSize } from './subject-selection.js';

export interface ScoredSubject {
  id: string;
  type: 'individual' | 'enterprise' | 'social_organisation';
  region?: string | undefined;
  industry?: string | undefined;
  name: string;
}

const projection = { type: 1, region: 1, industry: 1, name: 1 } as const;
const toSubject = (d: Record<string, unknown>): ScoredSubject =>
  ({ id: String(d['_id']), type: d['type'], region: d['region'], industry: d['industry'], name: d['name'] }) as ScoredSubject;

export class PopulationRepository {
  private readonly collection: Collection;

  constructor(connection: Connection) {
    this.collection = subjectModel(connection).collection;
  }

  count(): Promise<number> {
    return this.collection.countDocuments({});
  }

  /** The next subjects after a cursor (an id), in id order (the _id index). */
  async after(cursor: string | null, limit: number): Promise<ScoredSubject[]> {
    const filter = cursor ? { _id: { $gt: objectId(cursor) } } : {};
    const docs = await this.collection.find(filter, { projection }).sort({ _id: 1 }).limit(limit).toArray();
    return docs.map(toSubject);
  }

  /** The recompute's single pass: every subject after the cursor, in id order. */
  async *inIdOrder(cursor: string | null): AsyncGenerator<ScoredSubject> {
    const docs = this.collection.find(cursor ? { _id: { $gt: objectId(cursor) } } : {}, { projection, batchSize: streamBatchSize }).sort({ _id: 1 });
    for await (const doc of docs) yield toSubject(doc);
  }

  async find(id: string): Promise<ScoredSubject | undefined> {
    const doc = await this.collection.findOne({ _id: objectId(id) }, { projection });
    return doc ? toSubject(doc) : undefined;
  }

  /** Bulk registration of generated subjects (demo population, benchmarks); returns their ids in order. */
  async insertGenerated(subjects: readonly { type: string; name: string; nameEn: string; region: string; code: string }[], at: Date): Promise<string[]> {
    if (subjects.length === 0) return [];
    const result = await this.collection.insertMany(subjects.map((s) => ({ ...s, createdAt: at, updatedAt: at })), { ordered: true });
    return subjects.map((_, i) => String(result.insertedIds[i]));
  }

  /** These subjects, once each, in the order asked; unknown ids are left out. */
  async findMany(ids: readonly string[]): Promise<ScoredSubject[]> {
    const unique = [...new Set(ids)];
    const docs = await this.collection.find({ _id: { $in: unique.filter(isObjectId).map(objectId) } }, { projection }).toArray();
    const byId = new Map(docs.map((d) => [String(d['_id']), toSubject(d)]));
    return unique.map((id) => byId.get(id)).filter((s): s is ScoredSubject => s !== undefined);
  }

  /** Which of these ids name subjects. */
  async existing(ids: readonly string[]): Promise<Set<string>> {
    const docs = await this.collection.find({ _id: { $in: ids.map(objectId) } }, { projection: { _id: 1 } }).toArray();
    return new Set(docs.map((d) => String(d['_id'])));
  }

  async ofType(type: string): Promise<ScoredSubject[]> {
    const docs = await this.collection.find({ type }, { projection }).sort({ _id: 1 }).toArray();
    return docs.map(toSubject);
  }
}
