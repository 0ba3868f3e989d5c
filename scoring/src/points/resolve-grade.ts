import type { CompiledRuleSet } from './compile-rule-set.js';
import { gradeIndexForTotal } from './grade-index-for-total.js';
import type { AppliedDowngrade, AppliedVeto } from './types.js';

export interface ResolvedGrade {
  baseGradeIndex: number | null;
  gradeIndex: number | null;
}

/**
 * The grade a total earns, then moved down by the steps of every downgrade in force (never past the
 * worst grade). A veto in force wins over both: the grade is the worst grade any active veto forces.
 */
export function resolveGrade(compiled: CompiledRuleSet, totalCentipoints: number | null, vetoes: readonly AppliedVeto[], downgrades: readonly AppliedDowngrade[]): ResolvedGrade {
  const { grades } = compiled.ruleSet;
  const baseGradeIndex = totalCentipoints === null ? null : gradeIndexForTotal(grades, totalCentipoints);
  if (vetoes.length > 0) return { baseGradeIndex, gradeIndex: Math.max(...vetoes.map((veto) => compiled.gradeIndexById.get(veto.forceGrade)!)) };
  if (baseGradeIndex === null) return { baseGradeIndex, gradeIndex: null };
  const steps = downgrades.reduce((sum, downgrade) => sum + downgrade.steps, 0);
  return { baseGradeIndex, gradeIndex: Math.min(grades.length - 1, baseGradeIndex + steps) };
}
