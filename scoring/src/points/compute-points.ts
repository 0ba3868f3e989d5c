import { benefitsForGrade } from './benefits-for-grade.js';
import { compileRuleSet } from './compile-rule-set.js';
import { PointsInputError } from './points-input-error.js';
import { isIsoDate } from './is-iso-date.js';
import { refuseDuplicates } from './refuse-duplicates.js';
import { resolveGrade } from './resolve-grade.js';
import { scoreEvents, type EventScores } from './score-events.js';
import { scoreIndicators } from './score-indicators.js';
import type { CategoryTotal, Coverage, Evidence, ExplanationLine, PointsResult, RuleSet, Subject } from './types.js';

interface Scored {
  totalCentipoints: number | null;
  breakdown: CategoryTotal[];
  lines: ExplanationLine[];
  coverage: Coverage;
}

function accumulatingScore(events: EventScores, categories: string[]): Scored {
  const withData = categories.filter((category) => events.categoriesWithData.has(category)).length;
  return {
    totalCentipoints: events.totalCentipoints,
    breakdown: categories.map((category) => ({ category, centipoints: events.centipointsByCategory.get(category) ?? 0 })),
    lines: events.lines,
    coverage: { withData, total: categories.length, shareBp: Math.floor((withData * 10000) / categories.length) },
  };
}

function checkInputs(subject: Subject, evidence: Evidence, ruleSet: RuleSet, asOf: string): void {
  if (!isIsoDate(asOf)) throw new PointsInputError(`as-of must be a date YYYY-MM-DD, not "${asOf}"`, '/asOf');
  if (subject.type !== ruleSet.subjectType) throw new PointsInputError(`rule set ${ruleSet.id} scores ${ruleSet.subjectType} subjects, not ${subject.type}`, '/subject/type');
  refuseDuplicates((evidence.indicators ?? []).map((input) => input.indicatorId), (i) => `/indicators/${i}/indicatorId`, 'value for indicator');
}

/**
 * Scores one subject's evidence under a rule set as of a date: total (centipoints), grade after
 * vetoes and downgrades, the benefits of that grade, totals by category, one explanation line per
 * event or indicator (weighted mode: the indicators, then the events) and data coverage. Event
 * ids must be unique per date (validateEvidence checks them all). Pure and deterministic: the
 * same inputs give the same result, whatever the order of the events.
 */
export function computePoints(subject: Subject, evidence: Evidence, ruleSet: RuleSet, asOf: string): PointsResult {
  checkInputs(subject, evidence, ruleSet, asOf);
  const compiled = compileRuleSet(ruleSet);
  const events = scoreEvents(evidence.events ?? [], compiled, asOf);
  const scored: Scored = ruleSet.mode === 'accumulating' ? accumulatingScore(events, compiled.categories) : scoreIndicators(ruleSet, evidence.indicators ?? [], subject);
  if (ruleSet.mode === 'weighted') scored.lines = [...scored.lines, ...events.lines];
  const { baseGradeIndex, gradeIndex } = resolveGrade(compiled, scored.totalCentipoints, events.vetoesApplied, events.downgradesApplied);
  const total = scored.totalCentipoints ?? 0;
  const grade = gradeIndex === null ? undefined : ruleSet.grades[gradeIndex]!;
  return {
    subjectId: subject.id,
    subjectType: subject.type,
    asOf,
    ruleSet: { id: ruleSet.id, version: ruleSet.version },
    mode: ruleSet.mode,
    totalCentipoints: total,
    baseGrade: baseGradeIndex === null ? null : ruleSet.grades[baseGradeIndex]!.id,
    grade: grade ? grade.id : null,
    benefits: grade ? benefitsForGrade(grade, total) : null,
    breakdown: scored.breakdown,
    lines: scored.lines,
    vetoesApplied: events.vetoesApplied,
    downgradesApplied: events.downgradesApplied,
    coverage: scored.coverage,
  };
}
