// What simulateRuleChange returns (schemas/points/simulation-result.schema.json).
import type { IsoDate, RuleSetRef } from './rule-set-types.js';

/** Distribution of (new total − old total) over the population, in centipoints; null fields when the population is empty. */
export interface ChangeDistribution {
  sumCentipoints: number;
  meanCentipoints: number | null;
  minCentipoints: number | null;
  p10Centipoints: number | null;
  p25Centipoints: number | null;
  medianCentipoints: number | null;
  p75Centipoints: number | null;
  p90Centipoints: number | null;
  maxCentipoints: number | null;
  decreased: number;
  unchanged: number;
  increased: number;
}

export interface SimulationResult {
  asOf: IsoDate;
  oldRuleSet: RuleSetRef;
  newRuleSet: RuleSetRef;
  subjects: number;
  gradeChanged: number;
  /** Counts by direction; null when the two rule sets do not share the same grade scale. */
  gradeImproved: number | null;
  gradeWorsened: number | null;
  /** migration[oldGrade][newGrade] = number of subjects; "(ungraded)" stands for no grade. */
  migration: Record<string, Record<string, number>>;
  totalChange: ChangeDistribution;
}
