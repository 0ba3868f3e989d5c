// Partner ingestion: a batch (up to 10,000 events) under an Idempotency-Key. Resending the batch or
// any event changes nothing; the same behaviour reported by two partners shares a dedup key and
// counts once, with both reports kept as evidence.
import { createHash } from 'node:crypto';
import type { IngestBatchRepository } from '../../db/points-ingest-batches/ingest-batch.repository.js';
import type { NewEvent, PointsEventRepository, StoredEvent } from '../../db/points-events/points-event.repository.js';
import type { PopulationRepository } from '../../db/points-population/population.repository.js';
import type { AuditTrail } from '../audit/audit-trail.js';
import { canonicalJson } from '../audit/canonical-json.js';
import type { Clock } from '../clock.js';
import { AppError } from '../errors/index.js';
import type { Actor } from '../identity/principal.js';
import { chinaDate } from './china-date.js';
import { checkEventShape, type EventProblem, type PartnerEvent } from './partner-event-check.js';
import type { PartnerPrincipal } from './partner-keys.js';
import type { RescoringService } from './rescoring-service.js';

export interface IngestResult {
  received: number;
  stored: number;
  alreadyReceived: number;
  matchedOtherPartner: number;
  rejected: EventProblem[];
  replayed: boolean;
}

export interface IngestionDeps {
  batches: IngestBatchRepository;
  events: PointsEventRepository;
  population: PopulationRepository;
  rescoring: RescoringService;
  audit: AuditTrail;
  clock: Clock;
  dedupWindowMinutes: number;
}

const futureToleranceMs = 5 * 60_000;

export class IngestionService {
  constructor(private readonly deps: IngestionDeps) {}

  async ingest(actor: Actor & { principal: PartnerPrincipal }, body: { events: unknown[] }): Promise<IngestResult> {
    const key = actor.idempotencyKey;
    if (!key) throw new AppError('POINTS_IDEMPOTENCY_KEY_REQUIRED', 'send an Idempotency-Key header with every batch', { field: 'Idempotency-Key' });
    const partnerId = actor.principal.institutionId;
    const bodyHash = createHash('sha256').update(canonicalJson(body)).digest('hex');
    const claim = await this.deps.batches.claim(partnerId, key, bodyHash, this.deps.clock.now());
    if (!claim.claimed) {
      if (claim.batch.bodyHash !== bodyHash) throw new AppError('POINTS_IDEMPOTENCY_KEY_REUSED', 'this Idempotency-Key was used for a different batch', { field: 'Idempotency-Key' });
      if (claim.batch.state === 'done') return { ...(claim.batch.result as IngestResult), replayed: true };
    }
    const result = await this.process(actor, body.events, claim.claimed ? claim.id : key);
    await this.deps.batches.finish(partnerId, key, result);
    return result;
  }

  private async process(actor: Actor & { principal: PartnerPrincipal }, raw: unknown[], batchId: string): Promise<IngestResult> {
    const { valid, rejected } = await this.check(actor.principal, raw);
    const prepared = await this.withDedupKeys(actor.principal, valid, batchId);
    const inserted = await this.deps.events.insertNew(prepared);
    const storedNow = prepared.filter((e) => inserted.has(e.partnerEventId));
    const matched = storedNow.filter((e) => !e.dedupKey.startsWith(`${actor.principal.institutionId}:`)).length;
    await this.deps.rescoring.rescoreSubjects([...new Set(storedNow.map((e) => e.subjectId))]);
    const result: IngestResult = { received: raw.length, stored: storedNow.length, alreadyReceived: valid.length - storedNow.length, matchedOtherPartner: matched, rejected, replayed: false };
    await this.deps.audit.append(actor, {
      action: 'points.ingest', entityType: 'points_ingest_batch', entityId: batchId, institutionId: actor.principal.institutionId,
      after: { received: result.received, stored: result.stored, alreadyReceived: result.alreadyReceived, matchedOtherPartner: matched, rejected: rejected.length },
    });
    return result;
  }

  private async check(partner: PartnerPrincipal, raw: unknown[]): Promise<{ valid: PartnerEvent[]; rejected: EventProblem[] }> {
    const rejected: EventProblem[] = [];
    const shaped: { event: PartnerEvent; index: number }[] = [];
    raw.forEach((value, index) => {
      const checked = checkEventShape(value, index);
      if ('problem' in checked) rejected.push(checked.problem);
      else shaped.push({ event: checked.event, index });
    });
    const subjects = await this.deps.population.existing([...new Set(shaped.map((s) => s.event.subjectId))]);
    const latest = this.deps.clock.now().getTime() + futureToleranceMs;
    const seen = new Set<string>();
    const valid: PartnerEvent[] = [];
    for (const { event, index } of shaped) {
      const problem = (field: string, reason: string) => rejected.push({ index, field: `events.${index}.${field}`, reason, partnerEventId: event.partnerEventId });
      if (!partner.eventTypes.has(event.type)) problem('type', `this partner may not report ${event.type} events`);
      else if (!subjects.has(event.subjectId)) problem('subjectId', 'no subject has this id');
      else if (Date.parse(event.occurredAt) > latest) problem('occurredAt', 'lies in the future');
      else if (seen.has(event.partnerEventId)) problem('partnerEventId', 'appears twice in this batch');
      else {
        seen.add(event.partnerEventId);
        valid.push(event);
      }
    }
    rejected.sort((a, b) => a.index - b.index);
    return { valid, rejected };
  }

  /** Same subject, type and quantity within the window, reported by another partner → the same dedup key. */
  private async withDedupKeys(partner: PartnerPrincipal, events: readonly PartnerEvent[], batchId: string): Promise<NewEvent[]> {
    if (events.length === 0) return [];
    const windowMs = this.deps.dedupWindowMinutes * 60_000;
    const times = events.map((e) => Date.parse(e.occurredAt));
    const others = await this.deps.events.findOthersNear(
      partner.institutionId, [...new Set(events.map((e) => e.subjectId))],
      new Date(Math.min(...times) - windowMs), new Date(Math.max(...times) + windowMs),
    );
    const receivedAt = this.deps.clock.now();
    return events.map((event) => {
      const occurredAt = new Date(event.occurredAt);
      const match = others.find((o) => sameBehaviour(o, event, occurredAt, windowMs));
      return {
        subjectId: event.subjectId, partnerId: partner.institutionId, partnerCode: partner.partnerCode, partnerEventId: event.partnerEventId,
        type: event.type, occurredAt, occurredOn: chinaDate(occurredAt), quantity: event.quantity,
        dedupKey: match ? match.dedupKey : `${partner.institutionId}:${event.partnerEventId}`,
        ...(event.evidenceRef ? { evidenceRef: event.evidenceRef } : {}), batchId, receivedAt, state: 'active',
      };
    });
  }
}

function sameBehaviour(other: StoredEvent, event: PartnerEvent, occurredAt: Date, windowMs: number): boolean {
  return other.subjectId === event.subjectId && other.type === event.type && other.quantity === event.quantity
    && Math.abs(other.occurredAt.getTime() - occurredAt.getTime()) <= windowMs;
}
