import { compileRuleSet } from './compile-rule-set.js';
import { gradeIndexForTotal } from './grade-index-for-total.js';
import { PointsInputError } from './points-input-error.js';
import { planEventActions } from './plan-event-actions.js';
import { planIndicatorActions } from './plan-indicator-actions.js';
import { roundHalfUp } from './round-half-up.js';
import type { PointsResult, RuleSet, UnreachableReason, WhatIfAction, WhatIfResult } from './types.js';

type Base = Pick<WhatIfResult, 'subjectId' | 'ruleSet' | 'asOf' | 'currentGrade' | 'targetGrade'>;

function unreachable(base: Base, reason: UnreachableReason, explanation: string): WhatIfResult {
  return { ...base, reachable: false, reason, explanation };
}

function checkSameRuleSet(result: PointsResult, ruleSet: RuleSet): void {
  if (result.ruleSet.id !== ruleSet.id || result.ruleSet.version !== ruleSet.version) {
    throw new PointsInputError(`the result was computed under ${result.ruleSet.id} ${result.ruleSet.version}, not ${ruleSet.id} ${ruleSet.version}`, '/ruleSet');
  }
}

function planActions(base: Base, result: PointsResult, ruleSet: RuleSet, requiredTotal: number, steps: number, vetoFloor: number): WhatIfResult {
  const reached = (actions: WhatIfAction[], total: number): WhatIfResult => ({
    ...base,
    reachable: true,
    actions,
    projectedTotalCentipoints: total,
    projectedGrade: ruleSet.grades[Math.max(vetoFloor, Math.min(ruleSet.grades.length - 1, gradeIndexForTotal(ruleSet.grades, total) + steps))]!.id,
  });
  if (ruleSet.mode === 'accumulating') {
    const plan = planEventActions(result, ruleSet, requiredTotal - result.totalCentipoints);
    if ('actions' in plan) return reached(plan.actions, result.totalCentipoints + plan.actions.reduce((sum, a) => sum + a.gainCentipoints, 0));
    return unreachable(base, 'caps_reached', `today's remaining caps allow ${plan.maximumGainCentipoints} more centipoints; ${plan.shortfallCentipoints} more are needed`);
  }
  if (result.baseGrade === null) return unreachable(base, 'no_data', 'no indicator has data yet; supply indicator values to be graded');
  const plan = planIndicatorActions(result, ruleSet, requiredTotal);
  if ('actions' in plan) return reached(plan.actions, roundHalfUp(plan.weightedSum, plan.weightWithData));
  return unreachable(base, 'indicators_at_maximum', `best scores on every indicator with data give ${plan.maximumTotalCentipoints} centipoints, below the ${requiredTotal} needed; ${plan.indicatorsWithoutData} indicators have no data`);
}

/**
 * The smallest set of actions that lifts a scored subject to `targetGrade` (or better): green
 * behaviours with quantities within today's remaining caps (accumulating mode), or indicator
 * improvements with the measure to reach (weighted mode). Explains instead why the grade is out of
 * reach: an active veto, downgrades that no total can offset, caps, or indicators already at best.
 */
export function whatIf(subjectResult: PointsResult, ruleSet: RuleSet, targetGrade: string): WhatIfResult {
  checkSameRuleSet(subjectResult, ruleSet);
  const compiled = compileRuleSet(ruleSet);
  const targetIndex = compiled.gradeIndexById.get(targetGrade);
  if (targetIndex === undefined) throw new PointsInputError(`rule set ${ruleSet.id} has no grade "${targetGrade}"`, '/targetGrade');
  const base: Base = { subjectId: subjectResult.subjectId, ruleSet: subjectResult.ruleSet, asOf: subjectResult.asOf, currentGrade: subjectResult.grade, targetGrade };
  const currentIndex = subjectResult.grade === null ? undefined : compiled.gradeIndexById.get(subjectResult.grade)!;
  if (currentIndex !== undefined && currentIndex <= targetIndex) return { ...base, reachable: true, actions: [], projectedTotalCentipoints: subjectResult.totalCentipoints, projectedGrade: subjectResult.grade! };
  const veto = subjectResult.vetoesApplied.find((v) => compiled.gradeIndexById.get(v.forceGrade)! > targetIndex);
  if (veto) return unreachable(base, 'veto_active', `veto ${veto.vetoId} (event ${veto.eventId}) holds the grade at ${veto.forceGrade} or worse until ${veto.until}`);
  const steps = subjectResult.downgradesApplied.reduce((sum, d) => sum + d.steps, 0);
  const neededBase = ruleSet.grades[targetIndex - steps];
  if (!neededBase) return unreachable(base, 'downgrade_active', `downgrades in force lower any grade by ${steps} step(s), below ${targetGrade}, until ${subjectResult.downgradesApplied.map((d) => d.until).sort().at(-1)}`);
  const vetoFloor = Math.max(-1, ...subjectResult.vetoesApplied.map((v) => compiled.gradeIndexById.get(v.forceGrade)!));
  return planActions(base, subjectResult, ruleSet, neededBase.minTotalCentipoints ?? Number.MIN_SAFE_INTEGER, steps, vetoFloor);
}
