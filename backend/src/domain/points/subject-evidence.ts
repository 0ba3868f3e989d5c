// What the engine scores for one subject: its active events and its accepted indicator values.
import type { IndicatorInput, PointsEvent, SubjectEvidence } from '@eco/scoring';
import type { IndicatorSubmission } from '../../db/points-indicator-submissions/indicator-submission.repository.js';
import type { ScoringEvent } from '../../db/points-events/points-event.repository.js';
import type { ScoredSubject } from '../../db/points-population/population.repository.js';

export const eventRef = (eventId: string): string => `event:${eventId}`;
export const indicatorRef = (indicatorId: string): string => `indicator:${indicatorId}`;

export function engineEvent(event: ScoringEvent): PointsEvent {
  return {
    id: event.id,
    type: event.type,
    occurredOn: event.occurredOn,
    quantity: event.quantity,
    evidence: { source: event.partnerCode, documentId: event.evidenceRef ?? event.partnerEventId },
    dedupKey: event.dedupKey,
  };
}

/** The latest accepted value of each indicator (submissions arrive ordered by decision time). */
export function latestIndicators(submissions: readonly IndicatorSubmission[]): IndicatorInput[] {
  const latest = new Map<string, IndicatorSubmission>();
  for (const s of submissions) latest.set(s.indicatorId, s);
  return [...latest.values()].map((s) => ({
    indicatorId: s.indicatorId,
    value: s.value,
    evidence: { source: 'indicator-submission', documentId: s.documentIds[0] ?? s.id },
  }));
}

export function subjectEvidence(subject: ScoredSubject, events: readonly ScoringEvent[], submissions: readonly IndicatorSubmission[]): SubjectEvidence {
  return {
    subject: { id: subject.id, type: subject.type, ...(subject.industry ? { industry: subject.industry } : {}), ...(subject.region ? { region: subject.region } : {}) },
    events: events.map(engineEvent),
    indicators: latestIndicators(submissions),
  };
}

/**
 * Whether the ledger holds points for an event or indicator that the evidence read does not show.
 * Read after the ledger, such evidence is gone (the points are withdrawn); read before it, the
 * evidence may have arrived between the two reads, and withdrawing would be wrong.
 */
export function holdsUnseenEvidence(held: ReadonlyMap<string, number>, events: readonly ScoringEvent[], submissions: readonly IndicatorSubmission[]): boolean {
  const seen = new Set([...events.map((e) => eventRef(e.id)), ...submissions.map((s) => indicatorRef(s.indicatorId))]);
  for (const [ref, points] of held) {
    if (points !== 0 && (ref.startsWith('event:') || ref.startsWith('indicator:')) && !seen.has(ref)) return true;
  }
  return false;
}

export function groupBySubject<T extends { subjectId: string }>(items: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const list = out.get(item.subjectId);
    if (list) list.push(item);
    else out.set(item.subjectId, [item]);
  }
  return out;
}
