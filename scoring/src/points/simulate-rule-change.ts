import { changeDistribution } from './change-distribution.js';
import { computePoints } from './compute-points.js';
import { PointsInputError } from './points-input-error.js';
import type { PointsResult, Population, RuleSet, SimulationResult } from './types.js';

const UNGRADED = '(ungraded)';

function emptyMigration(oldRuleSet: RuleSet, newRuleSet: RuleSet): Record<string, Record<string, number>> {
  const columns = [...newRuleSet.grades.map((g) => g.id), UNGRADED];
  const row = () => Object.fromEntries(columns.map((column) => [column, 0]));
  return Object.fromEntries([...oldRuleSet.grades.map((g) => g.id), UNGRADED].map((grade) => [grade, row()]));
}

/** Scores one subject, pointing refusals at it within the population (`/subjects/<index>/…`). */
function scoreUnderBoth(index: number, score: () => [PointsResult, PointsResult]): [PointsResult, PointsResult] {
  try {
    return score();
  } catch (error) {
    if (error instanceof PointsInputError && error.path !== '/asOf') throw new PointsInputError(error.message, `/subjects/${index}${error.path}`);
    throw error;
  }
}

function sameGradeScale(oldRuleSet: RuleSet, newRuleSet: RuleSet): boolean {
  return oldRuleSet.grades.map((g) => g.id).join('\n') === newRuleSet.grades.map((g) => g.id).join('\n');
}

/**
 * Scores every subject of a population under the rule set in force and under a proposed one, as
 * of the same date: the grade migration matrix (old grade → new grade), how many subjects change
 * grade (and in which direction when both use the same grade scale), and the distribution of the
 * change of their totals.
 */
export function simulateRuleChange(population: Population, oldRuleSet: RuleSet, newRuleSet: RuleSet, asOf: string): SimulationResult {
  if (oldRuleSet.subjectType !== newRuleSet.subjectType) throw new PointsInputError(`the new rule set scores ${newRuleSet.subjectType}, the old one ${oldRuleSet.subjectType}`, '/newRuleSet/subjectType');
  const migration = emptyMigration(oldRuleSet, newRuleSet);
  const rank = new Map(newRuleSet.grades.map((grade, index) => [grade.id, index]));
  const comparable = sameGradeScale(oldRuleSet, newRuleSet);
  const changes: number[] = [];
  let changed = 0;
  let improved = 0;
  let worsened = 0;
  population.subjects.forEach(({ subject, ...evidence }, index) => {
    const [before, after] = scoreUnderBoth(index, () => [computePoints(subject, evidence, oldRuleSet, asOf), computePoints(subject, evidence, newRuleSet, asOf)]);
    migration[before.grade ?? UNGRADED]![after.grade ?? UNGRADED]! += 1;
    changes.push(after.totalCentipoints - before.totalCentipoints);
    if (before.grade === after.grade) return;
    changed++;
    const direction = (rank.get(after.grade ?? '') ?? rank.size) - (rank.get(before.grade ?? '') ?? rank.size);
    if (direction < 0) improved++;
    else worsened++;
  });
  return {
    asOf,
    oldRuleSet: { id: oldRuleSet.id, version: oldRuleSet.version },
    newRuleSet: { id: newRuleSet.id, version: newRuleSet.version },
    subjects: population.subjects.length,
    gradeChanged: changed,
    gradeImproved: comparable ? improved : null,
    gradeWorsened: comparable ? worsened : null,
    migration,
    totalChange: changeDistribution(changes),
  };
}
