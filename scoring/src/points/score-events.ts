import { CapTracker } from './cap-tracker.js';
import type { CompiledRuleSet } from './compile-rule-set.js';
import { dayNumber } from './day-number.js';
import { isoDateOfDay } from './iso-date-of-day.js';
import { monthNumber } from './month-number.js';
import { sortEvents } from './sort-events.js';
import type { AppliedDowngrade, AppliedVeto, EventLine, EventReason, PointsEvent } from './types.js';

export interface EventScores {
  lines: EventLine[];
  totalCentipoints: number;
  centipointsByCategory: Map<string, number>;
  categoriesWithData: Set<string>;
  vetoesApplied: AppliedVeto[];
  downgradesApplied: AppliedDowngrade[];
}

interface Visit {
  event: PointsEvent;
  day: number;
  asOfDay: number;
}

function ignoredLine(event: PointsEvent, reason: EventReason): EventLine {
  return { kind: 'event', eventId: event.id, eventType: event.type, occurredOn: event.occurredOn, ruleId: null, quantity: event.quantity, rawCentipoints: 0, earnedCentipoints: 0, centipoints: 0, reason };
}

function isInForce(visit: Visit, durationDays: number): boolean {
  return visit.asOfDay - visit.day < durationDays;
}

/** Points of one event under its rule: caps first (points are earned when the event happens), then expiry. */
function ruleLine(visit: Visit, scores: EventScores, compiled: CompiledRuleSet, caps: CapTracker, index: number): EventLine {
  const { event } = visit;
  const rule = compiled.rules[index]!;
  const raw = event.quantity * rule.centipointsPerUnit;
  const line: EventLine = { kind: 'event', eventId: event.id, eventType: event.type, occurredOn: event.occurredOn, ruleId: rule.id, quantity: event.quantity, rawCentipoints: raw, earnedCentipoints: 0, centipoints: 0, reason: 'counted' };
  scores.categoriesWithData.add(rule.category);
  if (rule.evidenceRequired && event.evidence === undefined) {
    line.reason = 'missing_evidence';
    return line;
  }
  const allowed = caps.take(index, visit.day, monthNumber(event.occurredOn), Math.abs(raw));
  line.earnedCentipoints = raw < 0 ? -allowed : allowed;
  if (allowed < Math.abs(raw)) line.reason = 'capped';
  if (rule.expiresAfterDays !== undefined && !isInForce(visit, rule.expiresAfterDays)) {
    line.reason = 'expired';
    return line;
  }
  line.centipoints = line.earnedCentipoints;
  scores.totalCentipoints += line.centipoints;
  scores.centipointsByCategory.set(rule.category, (scores.centipointsByCategory.get(rule.category) ?? 0) + line.centipoints);
  return line;
}

/** Applies the vetoes and downgrades the event triggers; returns the reason they give the line, if any. */
function applyTriggers(visit: Visit, scores: EventScores, compiled: CompiledRuleSet, line: EventLine): EventReason | undefined {
  const { event } = visit;
  const hasEvidence = event.evidence !== undefined;
  let reason: EventReason | undefined;
  for (const veto of compiled.vetoesByEventType.get(event.type) ?? []) {
    if (veto.evidenceRequired && !hasEvidence) reason ??= 'missing_evidence';
    else if (!isInForce(visit, veto.durationDays)) reason ??= 'expired';
    else {
      scores.vetoesApplied.push({ vetoId: veto.id, eventId: event.id, forceGrade: veto.forceGrade, from: event.occurredOn, until: isoDateOfDay(visit.day + veto.durationDays - 1) });
      line.vetoId ??= veto.id;
      reason = 'vetoed';
    }
  }
  for (const downgrade of compiled.downgradesByEventType.get(event.type) ?? []) {
    if (downgrade.evidenceRequired && !hasEvidence) reason ??= 'missing_evidence';
    else if (!isInForce(visit, downgrade.durationDays)) reason ??= 'expired';
    else {
      scores.downgradesApplied.push({ downgradeId: downgrade.id, eventId: event.id, steps: downgrade.steps, from: event.occurredOn, until: isoDateOfDay(visit.day + downgrade.durationDays - 1) });
      line.downgradeId ??= downgrade.id;
      if (reason !== 'vetoed') reason = 'downgraded';
    }
  }
  return reason;
}

function scoreEvent(visit: Visit, scores: EventScores, compiled: CompiledRuleSet, caps: CapTracker): EventLine {
  const index = compiled.ruleIndexByEventType.get(visit.event.type);
  const isTrigger = compiled.vetoesByEventType.has(visit.event.type) || compiled.downgradesByEventType.has(visit.event.type);
  if (index === undefined && !isTrigger) return ignoredLine(visit.event, 'no_rule');
  const line = index === undefined ? ignoredLine(visit.event, 'counted') : ruleLine(visit, scores, compiled, caps, index);
  const triggerReason = isTrigger ? applyTriggers(visit, scores, compiled, line) : undefined;
  if (triggerReason === 'vetoed' || triggerReason === 'downgraded' || (index === undefined && triggerReason)) line.reason = triggerReason;
  return line;
}

/**
 * Scores events under the rules of an accumulating rule set and applies the vetoes and downgrades
 * of any rule set. Events are visited in canonical order, so the outcome never depends on input order.
 * A later event sharing a dedupKey with an earlier one counts as a duplicate.
 */
export function scoreEvents(events: readonly PointsEvent[], compiled: CompiledRuleSet, asOf: string): EventScores {
  const scores: EventScores = { lines: [], totalCentipoints: 0, centipointsByCategory: new Map(), categoriesWithData: new Set(), vetoesApplied: [], downgradesApplied: [] };
  const caps = new CapTracker(compiled.rules);
  const seenDedupKeys = new Set<string>();
  const asOfDay = dayNumber(asOf);
  for (const event of sortEvents(events)) {
    if (event.occurredOn > asOf) scores.lines.push(ignoredLine(event, 'after_as_of'));
    else if (event.dedupKey !== undefined && seenDedupKeys.has(event.dedupKey)) scores.lines.push(ignoredLine(event, 'duplicate'));
    else {
      if (event.dedupKey !== undefined) seenDedupKeys.add(event.dedupKey);
      const line = scoreEvent({ event, day: dayNumber(event.occurredOn), asOfDay }, scores, compiled, caps);
      if (event.evidence !== undefined) line.evidence = event.evidence;
      scores.lines.push(line);
    }
  }
  return scores;
}
