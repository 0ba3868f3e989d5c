import type { Collection, Connection } from 'mongoose';
import type { Page, PageRequest } from '../page.js';
import { isObjectId, objectId } from '../plain.js';
import { streamBatchSize, subjectsAfter, subjectsIn } from '../points-population/subject-selection.js';
import { foldLedgerRows, type LedgerRow, type LedgerState } from './ledger-state.js';
import { ledgerEntryModel } from './ledger-entry.schema.js';

export interface LedgerEntry {
  id: string;
  subjectId: string;
  seq: number;
  at: Date;
  ref: string;
  eventId?: string | undefined;
  eventType?: string | undefined;
  occurredOn?: string | undefined;
  indicatorId?: string | undefined;
  ruleId?: string | undefined;
  ruleSetId: string;
  ruleSetVersion: string;
  centipoints: number;
  reason: string;
  runId?: string | undefined;
  caseId?: string | undefined;
  prevHash: string;
  hash: string;
}

export interface ChainHead {
  seq: number;
  hash: string;
}

const rowProjection = { _id: 0, subjectId: 1, seq: 1, hash: 1, ref: 1, centipoints: 1 } as const;
const toRow = (d: Record<string, unknown>): LedgerRow => ({ subjectId: String(d['subjectId']), seq: Number(d['seq']), hash: String(d['hash']), ref: String(d['ref']), centipoints: Number(d['centipoints']) });

const toEntry = ({ _id, ...rest }: Record<string, unknown>): LedgerEntry => ({ ...(rest as Omit<LedgerEntry, 'id'>), id: String(_id) });

export class LedgerRepository {
  private readonly collection: Collection;

  constructor(connection: Connection) {
    this.collection = ledgerEntryModel(connection).collection;
  }

  /**
   * Inserts chained entries (possibly of many subjects). A subject whose position another writer
   * took is rolled back (its entries of this call removed) and returned, for the caller to redo.
   */
  async insertChained(entries: readonly Omit<LedgerEntry, 'id'>[]): Promise<Set<string>> {
    const lost = new Set<string>();
    if (entries.length === 0) return lost;
    try {
      await this.collection.insertMany(entries.map((e) => ({ ...e })), { ordered: false });
    } catch (e) {
      const failure = e as { writeErrors?: { code: number; index: number }[] | { code: number; index: number } };
      const writeErrors = Array.isArray(failure.writeErrors) ? failure.writeErrors : failure.writeErrors ? [failure.writeErrors] : [];
      if (writeErrors.length === 0 || writeErrors.some((w) => w.code !== 11000)) throw e;
      for (const w of writeErrors) lost.add(entries[w.index]!.subjectId);
      const ownHashes = entries.filter((x) => lost.has(x.subjectId)).map((x) => x.hash);
      await this.collection.deleteMany({ subjectId: { $in: [...lost] }, hash: { $in: ownHashes } });
    }
    return lost;
  }

  /** Each subject's chain head and the centipoints held per ref, read with one indexed find. */
  async stateOf(subjectIds: readonly string[]): Promise<LedgerState> {
    const docs = await this.collection.find({ subjectId: subjectsIn(subjectIds) }, { projection: rowProjection }).toArray();
    return foldLedgerRows(docs.map(toRow));
  }

  /** The recompute's single pass: the rows of every subject's chain after the cursor, in subject order. */
  async *rowsInSubjectOrder(cursor: string | null): AsyncGenerator<LedgerRow> {
    const docs = this.collection.find(subjectsAfter(cursor), { projection: rowProjection, batchSize: streamBatchSize }).sort({ subjectId: 1, seq: -1 });
    for await (const doc of docs) yield toRow(doc);
  }

  async page(subjectId: string, page: PageRequest): Promise<Page<LedgerEntry>> {
    const [docs, total] = await Promise.all([
      this.collection.find({ subjectId }).sort({ seq: -1 }).skip(page.offset).limit(page.limit).toArray(),
      this.collection.countDocuments({ subjectId }),
    ]);
    return { items: docs.map(toEntry), total };
  }

  async findForSubject(subjectId: string, id: string): Promise<LedgerEntry | undefined> {
    if (!isObjectId(id)) return undefined;
    const doc = await this.collection.findOne({ _id: objectId(id), subjectId });
    return doc ? toEntry(doc) : undefined;
  }

  /** The whole chain of a subject, oldest first (verification, history chart). */
  async *chain(subjectId: string): AsyncGenerator<LedgerEntry> {
    for await (const doc of this.collection.find({ subjectId }).sort({ seq: 1 })) yield toEntry(doc);
  }
}
