import { PointsInputError } from './points-input-error.js';
import { refuseDuplicates } from './refuse-duplicates.js';
import { assertValid } from './assert-valid.js';
import { ruleSetValidator } from './schema-validators.js';
import type { Grade, Indicator, RuleSet } from './types.js';

function checkGradeCutOffs(grades: Grade[]): void {
  refuseDuplicates(grades.map((g) => g.id), (i) => `/grades/${i}/id`, 'grade id');
  grades.forEach((grade, index) => {
    const isLast = index === grades.length - 1;
    const path = `/grades/${index}/minTotalCentipoints`;
    if (isLast && grade.minTotalCentipoints !== undefined) throw new PointsInputError('the last (worst) grade takes every lower total and must not have a cut-off', path);
    if (!isLast && grade.minTotalCentipoints === undefined) throw new PointsInputError('every grade but the last needs a cut-off', path);
    const previous = grades[index - 1]?.minTotalCentipoints;
    if (!isLast && previous !== undefined && grade.minTotalCentipoints! >= previous) throw new PointsInputError('grade cut-offs must fall strictly from best to worst grade', path);
  });
}

function checkIndicators(indicators: Indicator[]): void {
  refuseDuplicates(indicators.map((i) => i.id), (i) => `/indicators/${i}/id`, 'indicator id');
  const totalWeight = indicators.reduce((sum, indicator) => sum + indicator.weight, 0);
  if (totalWeight !== 100) throw new PointsInputError(`indicator weights must total 100, not ${totalWeight}`, '/indicators');
  indicators.forEach(({ scoring }, index) => {
    if (scoring.method === 'linear' && scoring.from.measure === scoring.to.measure) throw new PointsInputError('a linear range needs two different measures', `/indicators/${index}/scoring/to/measure`);
  });
}

function checkReferences(ruleSet: RuleSet): void {
  const gradeIds = new Set(ruleSet.grades.map((g) => g.id));
  ruleSet.vetoes.forEach((veto, index) => {
    if (!gradeIds.has(veto.forceGrade)) throw new PointsInputError(`veto forces unknown grade "${veto.forceGrade}"`, `/vetoes/${index}/forceGrade`);
  });
  refuseDuplicates(ruleSet.vetoes.map((v) => v.id), (i) => `/vetoes/${i}/id`, 'veto id');
  refuseDuplicates(ruleSet.downgrades.map((d) => d.id), (i) => `/downgrades/${i}/id`, 'downgrade id');
}

/**
 * Checks a parsed JSON rule set against schemas/points/rule-set.schema.json and the rules a schema
 * cannot express (unique ids, falling cut-offs, weights totalling 100, known grades). Returns it
 * typed, or throws an PointsInputError carrying the JSON pointer of the first error.
 */
export function validateRuleSet(json: unknown): RuleSet {
  const ruleSet = assertValid<RuleSet>(ruleSetValidator, json, 'rule set');
  checkGradeCutOffs(ruleSet.grades);
  checkReferences(ruleSet);
  if (ruleSet.mode === 'accumulating') {
    refuseDuplicates(ruleSet.rules.map((r) => r.id), (i) => `/rules/${i}/id`, 'rule id');
    refuseDuplicates(ruleSet.rules.map((r) => r.eventType), (i) => `/rules/${i}/eventType`, 'rule for event type');
  } else checkIndicators(ruleSet.indicators);
  return ruleSet;
}
