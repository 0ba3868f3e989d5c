import { monthNumber } from './month-number.js';
import type { AccumulatingRule, AccumulatingRuleSet, EventAction, EventLine, PointsResult } from './types.js';

export type EventPlan = { actions: EventAction[] } | { shortfallCentipoints: number; maximumGainCentipoints: number };

function usedOfCap(lines: EventLine[], rule: AccumulatingRule, sameBucket: (line: EventLine) => boolean): number {
  return lines.filter((line) => line.ruleId === rule.id && sameBucket(line)).reduce((sum, line) => sum + Math.abs(line.centipoints), 0);
}

/** How many centipoints the rule can still earn on the as-of day, given the caps already used. */
function roomOnAsOfDay(rule: AccumulatingRule, result: PointsResult): number {
  const lines = result.lines.filter((line): line is EventLine => line.kind === 'event');
  const month = monthNumber(result.asOf);
  const dayRoom = rule.dailyCapCentipoints === undefined ? Infinity : rule.dailyCapCentipoints - usedOfCap(lines, rule, (l) => l.occurredOn === result.asOf);
  const monthRoom = rule.monthlyCapCentipoints === undefined ? Infinity : rule.monthlyCapCentipoints - usedOfCap(lines, rule, (l) => monthNumber(l.occurredOn) === month);
  return Math.max(0, Math.min(dayRoom, monthRoom));
}

function byRoomThenRate(a: { rule: AccumulatingRule; room: number }, b: { rule: AccumulatingRule; room: number }): number {
  if (a.room !== b.room) return b.room > a.room ? 1 : -1;
  if (a.rule.centipointsPerUnit !== b.rule.centipointsPerUnit) return b.rule.centipointsPerUnit - a.rule.centipointsPerUnit;
  return a.rule.id < b.rule.id ? -1 : a.rule.id > b.rule.id ? 1 : 0;
}

/**
 * The fewest green behaviours, done on the as-of day, that add `needCentipoints`: rules with the
 * most room under their caps first (uncapped ones first of all), each used up to its remaining cap,
 * the last one only as far as needed. Never proposes a behaviour that would trigger a veto or a
 * downgrade. Reports the shortfall when the caps leave too little room.
 */
export function planEventActions(result: PointsResult, ruleSet: AccumulatingRuleSet, needCentipoints: number): EventPlan {
  const triggers = new Set([...ruleSet.vetoes, ...ruleSet.downgrades].map((trigger) => trigger.eventType));
  const candidates = ruleSet.rules
    .filter((rule) => rule.centipointsPerUnit > 0 && !triggers.has(rule.eventType))
    .map((rule) => ({ rule, room: roomOnAsOfDay(rule, result) }))
    .filter((candidate) => candidate.room > 0)
    .sort(byRoomThenRate);
  const actions: EventAction[] = [];
  let remaining = needCentipoints;
  for (const { rule, room } of candidates) {
    if (remaining <= 0) break;
    const quantity = Math.ceil(Math.min(room, remaining) / rule.centipointsPerUnit);
    const gain = Math.min(room, quantity * rule.centipointsPerUnit);
    actions.push({ kind: 'event', eventType: rule.eventType, ruleId: rule.id, unit: rule.unit, quantity, gainCentipoints: gain, evidenceRequired: rule.evidenceRequired });
    remaining -= gain;
  }
  if (remaining > 0) return { shortfallCentipoints: remaining, maximumGainCentipoints: needCentipoints - remaining };
  return { actions };
}
