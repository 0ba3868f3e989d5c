import type { CompiledRuleSet } from './compile-rule-set.js';
import { gradeIndexForTotal } from './grade-index-for-total.js';
import type { AppliedDowngrade, AppliedVeto } from './types.js';

export interface ResolvedGrade {
  baseGradeIndex: number | null;
  gradeIndex: number | null;
}

/**
 * The grade a total earns, moved down by the steps of every downgrade in force (never past the
 * worst grade). A veto in force wins over points: the grade is never better than the worst grade an
 * active veto forces, whatever the total (and is that grade when there is no score at all).
 */
export function resolveGrade(compiled: CompiledRuleSet, totalCentipoints: number | null, vetoes: readonly AppliedVeto[], downgrades: readonly AppliedDowngrade[]): ResolvedGrade {
  const lastIndex = compiled.ruleSet.grades.length - 1;
  const baseGradeIndex = totalCentipoints === null ? null : gradeIndexForTotal(compiled.ruleSet.grades, totalCentipoints);
  const steps = downgrades.reduce((sum, downgrade) => sum + downgrade.steps, 0);
  const downgraded = baseGradeIndex === null ? null : Math.min(lastIndex, baseGradeIndex + steps);
  if (vetoes.length === 0) return { baseGradeIndex, gradeIndex: downgraded };
  const forced = Math.max(...vetoes.map((veto) => compiled.gradeIndexById.get(veto.forceGrade)!));
  return { baseGradeIndex, gradeIndex: Math.max(forced, downgraded ?? forced) };
}
