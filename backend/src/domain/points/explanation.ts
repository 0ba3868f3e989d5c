// Turns an engine result into what a person reads: lines with the rule's label, the grade scale,
// points about to expire.
import type { EventLine, LocalizedText, PointsEvent, PointsResult, RuleSet } from '@eco/scoring';
import { addDays } from './china-date.js';

export interface GradeStep {
  id: string;
  label: string;
  labelI18n?: LocalizedText;
  minTotalCentipoints: number | null;
}

export interface ExpiringPoints {
  expiresOn: string;
  centipoints: number;
}

export const gradeScale = (ruleSet: RuleSet): GradeStep[] =>
  ruleSet.grades.map((g) => ({ id: g.id, label: g.label, ...(g.labelI18n && { labelI18n: g.labelI18n }), minTotalCentipoints: g.minTotalCentipoints ?? null }));

export interface RuleLabel {
  label: string;
  labelI18n?: LocalizedText;
  unit?: string;
  unitI18n?: LocalizedText;
  category: string;
}

export function ruleLabels(ruleSet: RuleSet): Record<string, RuleLabel> {
  if (ruleSet.mode === 'accumulating') {
    return Object.fromEntries(ruleSet.rules.map((r) => [r.id, { label: r.label, ...(r.labelI18n && { labelI18n: r.labelI18n }), unit: r.unit, ...(r.unitI18n && { unitI18n: r.unitI18n }), category: r.category }]));
  }
  return Object.fromEntries(ruleSet.indicators.map((i) => [i.id, { label: i.label, ...(i.labelI18n && { labelI18n: i.labelI18n }), category: i.category }]));
}

/** The text in `language` when the rule set carries it, else the plain field. */
export const localized = (item: { label: string; labelI18n?: LocalizedText }, language: string): string => item.labelI18n?.[language] ?? item.label;

/** Counted points whose expiry falls within the next `days` days, summed per expiry day. */
export function expiringPoints(result: PointsResult, ruleSet: RuleSet, days = 30): ExpiringPoints[] {
  if (ruleSet.mode !== 'accumulating') return [];
  const expiry = new Map(ruleSet.rules.map((r) => [r.id, r.expiresAfterDays]));
  const horizon = addDays(result.asOf, days);
  const byDay = new Map<string, number>();
  for (const line of result.lines as EventLine[]) {
    const after = line.ruleId ? expiry.get(line.ruleId) : undefined;
    if (after === undefined || line.centipoints <= 0) continue;
    const expiresOn = addDays(line.occurredOn, after);
    if (expiresOn > horizon) continue;
    byDay.set(expiresOn, (byDay.get(expiresOn) ?? 0) + line.centipoints);
  }
  return [...byDay].sort(([a], [b]) => a.localeCompare(b)).map(([expiresOn, centipoints]) => ({ expiresOn, centipoints }));
}

/** The grade just above the present one (null at the top, or without a grade). */
export function nextGradeUp(ruleSet: RuleSet, grade: string | null): string | null {
  const index = ruleSet.grades.findIndex((g) => g.id === grade);
  if (grade === null) return ruleSet.grades.at(-1)?.id ?? null;
  return index > 0 ? ruleSet.grades[index - 1]!.id : null;
}

/** Every event line names its source, the ignored ones too (a duplicate keeps its second partner as evidence). */
export function withEventEvidence(result: PointsResult, events: readonly PointsEvent[]): PointsResult {
  const byId = new Map(events.map((e) => [e.id, e.evidence]));
  const lines = result.lines.map((line) => (line.kind === 'event' && !line.evidence && byId.get(line.eventId) ? { ...line, evidence: byId.get(line.eventId)! } : line));
  return { ...result, lines };
}
