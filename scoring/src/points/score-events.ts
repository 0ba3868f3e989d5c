import { CapTracker } from './cap-tracker.js';
import type { CompiledRuleSet } from './compile-rule-set.js';
import { dayNumber } from './day-number.js';
import { isoDateOfDay } from './iso-date-of-day.js';
import { monthNumber } from './month-number.js';
import { sortEvents } from './sort-events.js';
import type { AppliedDowngrade, AppliedVeto, Downgrade, EventLine, EventReason, PointsEvent, Veto } from './types.js';

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
  return { kind: 'event', eventId: event.id, eventType: event.type, occurredOn: event.occurredOn, ruleId: null, quantity: event.quantity, rawCentipoints: 0, centipoints: 0, reason };
}

function isInForce(visit: Visit, durationDays: number): boolean {
  return visit.asOfDay - visit.day < durationDays;
}

/**
 * Points of one event under its rule. Expired points no longer count and take no room under the
 * caps; the caps then bound the points a subject holds from one rule per calendar day and month,
 * filled in canonical (date, id) order.
 */
function ruleLine(visit: Visit, scores: EventScores, compiled: CompiledRuleSet, caps: CapTracker, index: number): EventLine {
  const { event } = visit;
  const rule = compiled.rules[index]!;
  const raw = event.quantity * rule.centipointsPerUnit;
  const line: EventLine = { kind: 'event', eventId: event.id, eventType: event.type, occurredOn: event.occurredOn, ruleId: rule.id, quantity: event.quantity, rawCentipoints: raw, centipoints: 0, reason: 'counted' };
  scores.categoriesWithData.add(rule.category);
  if (rule.evidenceRequired && event.evidence === undefined) line.reason = 'missing_evidence';
  else if (rule.expiresAfterDays !== undefined && !isInForce(visit, rule.expiresAfterDays)) line.reason = 'expired';
  else {
    const allowed = caps.take(index, visit.day, monthNumber(event.occurredOn), Math.abs(raw));
    if (allowed < Math.abs(raw)) line.reason = 'capped';
    line.centipoints = raw < 0 ? -allowed : allowed;
    scores.totalCentipoints += line.centipoints;
    scores.centipointsByCategory.set(rule.category, (scores.centipointsByCategory.get(rule.category) ?? 0) + line.centipoints);
  }
  return line;
}

type TriggerState = 'in_force' | 'missing_evidence' | 'expired';

function triggerState(visit: Visit, trigger: Veto | Downgrade): TriggerState {
  if (trigger.evidenceRequired && visit.event.evidence === undefined) return 'missing_evidence';
  return isInForce(visit, trigger.durationDays) ? 'in_force' : 'expired';
}

function lastDayInForce(visit: Visit, durationDays: number): string {
  return isoDateOfDay(visit.day + durationDays - 1);
}

/**
 * Applies the vetoes and downgrades the event triggers. Returns the reason they give its line:
 * vetoed or downgraded when one is in force, else why none took effect (missing evidence, expired).
 */
function applyTriggers(visit: Visit, scores: EventScores, compiled: CompiledRuleSet, line: EventLine): EventReason | undefined {
  const { event } = visit;
  const vetoStates = (compiled.vetoesByEventType.get(event.type) ?? []).map((veto) => {
    const state = triggerState(visit, veto);
    if (state !== 'in_force') return state;
    scores.vetoesApplied.push({ vetoId: veto.id, eventId: event.id, forceGrade: veto.forceGrade, from: event.occurredOn, until: lastDayInForce(visit, veto.durationDays) });
    line.vetoId ??= veto.id;
    return state;
  });
  const downgradeStates = (compiled.downgradesByEventType.get(event.type) ?? []).map((downgrade) => {
    const state = triggerState(visit, downgrade);
    if (state !== 'in_force') return state;
    scores.downgradesApplied.push({ downgradeId: downgrade.id, eventId: event.id, steps: downgrade.steps, from: event.occurredOn, until: lastDayInForce(visit, downgrade.durationDays) });
    line.downgradeId ??= downgrade.id;
    return state;
  });
  if (vetoStates.includes('in_force')) return 'vetoed';
  if (downgradeStates.includes('in_force')) return 'downgraded';
  return [...vetoStates, ...downgradeStates][0] as Exclude<TriggerState, 'in_force'> | undefined;
}

function scoreEvent(visit: Visit, scores: EventScores, compiled: CompiledRuleSet, caps: CapTracker): EventLine {
  const index = compiled.ruleIndexByEventType.get(visit.event.type);
  const isTrigger = compiled.vetoesByEventType.has(visit.event.type) || compiled.downgradesByEventType.has(visit.event.type);
  if (index === undefined && !isTrigger) return ignoredLine(visit.event, 'no_rule');
  const line = index === undefined ? ignoredLine(visit.event, 'counted') : ruleLine(visit, scores, compiled, caps, index);
  const triggerReason = isTrigger ? applyTriggers(visit, scores, compiled, line) : undefined;
  // A veto or downgrade in force names the line; an event without a rule also says why its trigger had no effect.
  if (triggerReason === 'vetoed' || triggerReason === 'downgraded' || (index === undefined && triggerReason !== undefined)) line.reason = triggerReason;
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
