// Append-only audit trail, chained by SHA-256: each record holds the previous record's hash.
import { createHash } from 'node:crypto';
import type { Collection, Connection } from 'mongoose';
import { auditRecordModel } from '../../db/audit/audit-record.schema.js';
import type { Page, PageRequest } from '../../db/page.js';
import { isDuplicateKey } from '../../db/plain.js';
import type { Clock } from '../clock.js';
import type { Actor } from '../identity/principal.js';
import { canonicalJson, normalise } from './canonical-json.js';
import { fieldChanges, type FieldChanges } from './field-changes.js';

export const genesisHash = '0'.repeat(64);

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId?: string | undefined;
  before?: Record<string, unknown> | undefined;
  after?: Record<string, unknown> | undefined;
  /** Tenant the change belongs to, when the actor's own is not the right one (e.g. an admin acting on a bank). */
  institutionId?: string | undefined;
  subjectId?: string | undefined;
}

export interface AuditRecord {
  seq: number;
  at: Date;
  actor?: { userId: string; username: string } | undefined;
  institutionId?: string | undefined;
  subjectId?: string | undefined;
  action: string;
  entityType: string;
  entityId?: string | undefined;
  requestId?: string | undefined;
  idempotencyKey?: string | undefined;
  changes: FieldChanges;
  prevHash: string;
  hash: string;
}

export interface ChainVerification {
  ok: boolean;
  checked: number;
  firstBroken: { seq: number; reason: string } | null;
}

export function hashRecord(record: Omit<AuditRecord, 'hash'>): string {
  return createHash('sha256').update(canonicalJson(record)).digest('hex');
}

const maxAppendAttempts = 200;

export class AuditTrail {
  private readonly collection: Collection;

  constructor(connection: Connection, private readonly clock: Clock) {
    this.collection = auditRecordModel(connection).collection;
  }

  /** Appends one record. Concurrent appends race on the unique seq; losers re-read the head and retry. */
  async append(actor: Actor, entry: AuditEntry): Promise<AuditRecord> {
    for (let attempt = 0; attempt < maxAppendAttempts; attempt++) {
      const head = await this.collection.find({}, { projection: { seq: 1, hash: 1 } }).sort({ seq: -1 }).limit(1).next();
      const unsigned = this.buildRecord(actor, entry, head ? Number(head['seq']) + 1 : 1, head ? String(head['hash']) : genesisHash);
      const record: AuditRecord = { ...unsigned, hash: hashRecord(unsigned) };
      try {
        // Stored in canonical form (no undefined fields), with `at` as a BSON date.
        await this.collection.insertOne({ ...(normalise({ ...record, at: undefined }) as object), at: record.at });
        actor.audited = true;
        return record;
      } catch (e) {
        if (!isDuplicateKey(e)) throw e;
      }
    }
    throw new Error('audit trail: could not append after many concurrent retries');
  }

  private buildRecord(actor: Actor, entry: AuditEntry, seq: number, prevHash: string): Omit<AuditRecord, 'hash'> {
    const p = actor.principal;
    const record: Omit<AuditRecord, 'hash'> = {
      seq,
      at: this.clock.now(),
      actor: p ? { userId: p.userId, username: p.username } : undefined,
      institutionId: entry.institutionId ?? p?.institutionId,
      subjectId: entry.subjectId ?? p?.subjectId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      requestId: actor.requestId,
      idempotencyKey: actor.idempotencyKey,
      changes: fieldChanges(entry.before, entry.after),
      prevHash,
    };
    return JSON.parse(canonicalJson(record), (key, v) => (key === 'at' ? new Date(v as string) : v)) as Omit<AuditRecord, 'hash'>;
  }

  async list(page: PageRequest, filter: { entityType?: string | undefined; entityId?: string | undefined } = {}): Promise<Page<AuditRecord>> {
    const query: Record<string, unknown> = {};
    if (filter.entityType) query['entityType'] = filter.entityType;
    if (filter.entityId) query['entityId'] = filter.entityId;
    const [docs, total] = await Promise.all([
      this.collection.find(query, { projection: { _id: 0 } }).sort({ seq: -1 }).skip(page.offset).limit(page.limit).toArray(),
      this.collection.countDocuments(query),
    ]);
    return { items: docs as unknown as AuditRecord[], total };
  }

  count(): Promise<number> {
    return this.collection.estimatedDocumentCount();
  }

  /** Whether this user's request under this Idempotency-Key is already in the trail (a resent request then records nothing new). */
  async hasKeyedRecord(userId: string, idempotencyKey: string): Promise<boolean> {
    return (await this.collection.findOne({ idempotencyKey, 'actor.userId': userId }, { projection: { _id: 1 } })) !== null;
  }

  /** Walks the chain in order; names the first record whose hash, link or sequence is wrong. */
  async verify(onProgress?: (checked: number) => void): Promise<ChainVerification> {
    let expectedSeq = 1;
    let prevHash = genesisHash;
    let checked = 0;
    const cursor = this.collection.find({}, { projection: { _id: 0 } }).sort({ seq: 1 });
    for await (const doc of cursor) {
      const { hash, ...rest } = doc as unknown as AuditRecord;
      const broken = (reason: string): ChainVerification => ({ ok: false, checked, firstBroken: { seq: rest.seq, reason } });
      if (rest.seq !== expectedSeq) {
        return { ok: false, checked, firstBroken: { seq: expectedSeq, reason: `record ${expectedSeq} is missing (next present is ${rest.seq})` } };
      }
      if (rest.prevHash !== prevHash) return broken('its prevHash does not match the previous record’s hash');
      if (hashRecord(rest) !== hash) return broken('its contents do not match its hash (the record was modified)');
      prevHash = hash;
      expectedSeq++;
      checked++;
      if (onProgress && checked % 1000 === 0) onProgress(checked);
    }
    return { ok: true, checked, firstBroken: null };
  }
}
