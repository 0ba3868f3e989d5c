import { attainableScores } from './attainable-scores.js';
import { requiredMeasure } from './required-measure.js';
import { roundHalfUp } from './round-half-up.js';
import type { Indicator, IndicatorAction, IndicatorLine, PointsResult, WeightedRuleSet } from './types.js';

export type IndicatorPlan = { actions: IndicatorAction[]; weightedSum: number; weightWithData: number } | { maximumTotalCentipoints: number; indicatorsWithoutData: number };

interface Candidate {
  indicator: Indicator;
  score: number;
  maximumGain: number;
}

/** Lowest attainable score of at least `wanted` (any whole score for a linear range). */
function lowestScoreReaching(indicator: Indicator, wanted: number): number {
  if (indicator.scoring.method === 'linear') return wanted;
  return attainableScores(indicator.scoring).find((score) => score >= wanted)!;
}

function candidatesOf(lines: IndicatorLine[], ruleSet: WeightedRuleSet): Candidate[] {
  const byId = new Map(ruleSet.indicators.map((indicator) => [indicator.id, indicator]));
  return lines
    .map((line) => {
      const indicator = byId.get(line.indicatorId)!;
      const score = line.scoreCentipoints!;
      return { indicator, score, maximumGain: line.weight * (Math.max(...attainableScores(indicator.scoring)) - score) };
    })
    .filter((candidate) => candidate.maximumGain > 0)
    .sort((a, b) => b.maximumGain - a.maximumGain || (a.indicator.id < b.indicator.id ? -1 : 1));
}

/**
 * The fewest indicator improvements that lift the weighted mean to `requiredTotal`: indicators with
 * the largest possible weighted gain first, raised to their best score; the last only as far as needed.
 * Works on weighted sums (weight × score) so the rounding of the mean is respected exactly.
 */
export function planIndicatorActions(result: PointsResult, ruleSet: WeightedRuleSet, requiredTotal: number): IndicatorPlan {
  const lines = result.lines.filter((line): line is IndicatorLine => line.kind === 'indicator' && line.scoreCentipoints !== null);
  const weightWithData = lines.reduce((sum, line) => sum + line.weight, 0);
  const weightedSum = lines.reduce((sum, line) => sum + line.weight * line.scoreCentipoints!, 0);
  const neededSum = Math.ceil((2 * requiredTotal * weightWithData - weightWithData) / 2);
  let remaining = neededSum - weightedSum;
  const actions: IndicatorAction[] = [];
  const candidates = candidatesOf(lines, ruleSet);
  for (const { indicator, score, maximumGain } of candidates) {
    if (remaining <= 0) break;
    const target = maximumGain <= remaining ? score + maximumGain / indicator.weight : lowestScoreReaching(indicator, score + Math.ceil(remaining / indicator.weight));
    actions.push({ kind: 'indicator', indicatorId: indicator.id, measureKind: indicator.measure.kind, fromScoreCentipoints: score, toScoreCentipoints: target, requiredMeasure: requiredMeasure(indicator.scoring, target) });
    remaining -= indicator.weight * (target - score);
  }
  if (remaining > 0) {
    const best = weightedSum + candidates.reduce((sum, c) => sum + c.maximumGain, 0);
    return { maximumTotalCentipoints: roundHalfUp(best, weightWithData), indicatorsWithoutData: ruleSet.indicators.length - lines.length };
  }
  return { actions, weightedSum: neededSum - remaining, weightWithData };
}
