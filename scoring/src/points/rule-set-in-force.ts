import { PointsInputError } from './points-input-error.js';
import type { RuleSet, SubjectType } from './types.js';

function compareVersions(a: string, b: string): number {
  const left = a.split('.').map(Number);
  const right = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) if (left[i] !== right[i]) return left[i]! - right[i]!;
  return 0;
}

/**
 * The rule set in force for a subject type on a date: the one with the latest effective-from date
 * on or before it (the highest version when two share that date). Replaying a past score with the
 * rule set in force then gives exactly the result of that time.
 */
export function ruleSetInForce(ruleSets: readonly RuleSet[], subjectType: SubjectType, asOf: string): RuleSet {
  const candidates = ruleSets.filter((ruleSet) => ruleSet.subjectType === subjectType && ruleSet.effectiveFrom <= asOf);
  const latest = candidates.reduce<RuleSet | undefined>((best, ruleSet) => {
    if (!best || ruleSet.effectiveFrom > best.effectiveFrom) return ruleSet;
    return ruleSet.effectiveFrom === best.effectiveFrom && compareVersions(ruleSet.version, best.version) > 0 ? ruleSet : best;
  }, undefined);
  if (!latest) throw new PointsInputError(`no ${subjectType} rule set is in force on ${asOf}`, '/asOf');
  return latest;
}
