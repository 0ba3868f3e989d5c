import type { Collection, Connection } from 'mongoose';
import { isObjectId, objectId } from '../plain.js';
import { streamBatchSize, subjectsAfter, subjectsIn } from '../points-population/subject-selection.js';
import { pointsEventModel, type EventState } from './points-event.schema.js';

export interface StoredEvent {
  id: string;
  subjectId: string;
  partnerId: string;
  partnerCode: string;
  partnerEventId: string;
  type: string;
  occurredAt: Date;
  occurredOn: string;
  quantity: number;
  dedupKey: string;
  evidenceRef?: string | undefined;
  batchId: string;
  receivedAt: Date;
  state: EventState;
}

export type NewEvent = Omit<StoredEvent, 'id'>;

/** The fields the points engine scores an event by. */
export type ScoringEvent = Pick<StoredEvent, 'id' | 'subjectId' | 'partnerCode' | 'partnerEventId' | 'type' | 'occurredOn' | 'quantity' | 'dedupKey' | 'evidenceRef'>;
const scoringProjection = { subjectId: 1, partnerCode: 1, partnerEventId: 1, type: 1, occurredOn: 1, quantity: 1, dedupKey: 1, evidenceRef: 1 } as const;
const toScoringEvent = ({ _id, ...rest }: Record<string, unknown>): ScoringEvent => ({ ...(rest as Omit<ScoringEvent, 'id'>), id: String(_id) });

const toEvent = ({ _id, ...rest }: Record<string, unknown>): StoredEvent => ({ ...(rest as Omit<StoredEvent, 'id'>), id: String(_id) });

export class PointsEventRepository {
  private readonly collection: Collection;

  constructor(connection: Connection) {
    this.collection = pointsEventModel(connection).collection;
  }

  /** Inserts new events; a partner's event id already stored is skipped (per-event idempotency). Returns the partner ids inserted. */
  async insertNew(events: readonly NewEvent[]): Promise<Set<string>> {
    if (events.length === 0) return new Set();
    const inserted = new Set<string>();
    try {
      const result = await this.collection.insertMany(events.map((e) => ({ ...e })), { ordered: false });
      for (const index of Object.keys(result.insertedIds)) inserted.add(events[Number(index)]!.partnerEventId);
    } catch (e) {
      const failure = e as { code?: number; writeErrors?: { code: number; index: number }[] | { code: number; index: number }; insertedIds?: Record<string, unknown> };
      const writeErrors = Array.isArray(failure.writeErrors) ? failure.writeErrors : failure.writeErrors ? [failure.writeErrors] : [];
      if (writeErrors.length === 0 || writeErrors.some((w) => w.code !== 11000)) throw e;
      const failed = new Set(writeErrors.map((w) => w.index));
      events.forEach((event, index) => {
        if (!failed.has(index)) inserted.add(event.partnerEventId);
      });
    }
    return inserted;
  }

  /** Events another partner already reported for these subjects in the time range (cross-partner de-duplication). */
  async findOthersNear(partnerId: string, subjectIds: readonly string[], from: Date, to: Date): Promise<StoredEvent[]> {
    const docs = await this.collection
      .find({ subjectId: { $in: [...subjectIds] }, occurredAt: { $gte: from, $lte: to }, partnerId: { $ne: partnerId } })
      .toArray();
    return docs.map(toEvent);
  }

  async findByPartnerIds(partnerId: string, partnerEventIds: readonly string[]): Promise<StoredEvent[]> {
    const docs = await this.collection.find({ partnerId, partnerEventId: { $in: [...partnerEventIds] } }).toArray();
    return docs.map(toEvent);
  }

  /** Every event of these subjects that still counts (not reversed or repaired), with what scoring reads. */
  async activeForSubjects(subjectIds: readonly string[]): Promise<ScoringEvent[]> {
    const docs = await this.collection.find({ subjectId: subjectsIn(subjectIds), state: 'active' }, { projection: scoringProjection }).toArray();
    return docs.map(toScoringEvent);
  }

  /** The recompute's single pass: active events of every subject after the cursor, in subject order. */
  async *activeInSubjectOrder(cursor: string | null): AsyncGenerator<ScoringEvent> {
    const docs = this.collection.find({ ...subjectsAfter(cursor), state: 'active' }, { projection: scoringProjection, batchSize: streamBatchSize }).sort({ subjectId: 1 });
    for await (const doc of docs) yield toScoringEvent(doc);
  }

  async findForSubject(subjectId: string, id: string): Promise<StoredEvent | undefined> {
    if (!isObjectId(id)) return undefined;
    const doc = await this.collection.findOne({ _id: objectId(id), subjectId });
    return doc ? toEvent(doc) : undefined;
  }

  /** Compare-and-set: takes an event out of scoring once (active → reversed/repaired). */
  async leaveActive(subjectId: string, ids: readonly string[], to: Exclude<EventState, 'active'>): Promise<number> {
    const result = await this.collection.updateMany(
      { _id: { $in: ids.filter(isObjectId).map(objectId) }, subjectId, state: 'active' },
      { $set: { state: to } },
    );
    return result.modifiedCount;
  }
}
