import { measureIndicator } from './measure-indicator.js';
import { roundHalfUp } from './round-half-up.js';
import { scoreIndicator } from './score-indicator.js';
import type { CategoryTotal, Coverage, Indicator, IndicatorInput, IndicatorLine, Subject, WeightedRuleSet } from './types.js';

export interface IndicatorScores {
  lines: IndicatorLine[];
  /** Weighted mean of the indicators with data, 0–10000; null when no indicator has data. */
  totalCentipoints: number | null;
  breakdown: CategoryTotal[];
  coverage: Coverage;
}

function lineFor(indicator: Indicator, inputs: Map<string, { input: IndicatorInput; index: number }>, subject: Subject): IndicatorLine {
  const line: IndicatorLine = { kind: 'indicator', indicatorId: indicator.id, category: indicator.category, weight: indicator.weight, measure: null, scoreCentipoints: null, reason: 'missing_data' };
  const found = inputs.get(indicator.id);
  if (!found) return line;
  if (indicator.evidenceRequired && found.input.evidence === undefined) return { ...line, reason: 'missing_evidence' };
  const evidence = found.input.evidence === undefined ? {} : { evidence: found.input.evidence };
  const measurement = measureIndicator(indicator, found.input.value, subject, `/indicators/${found.index}/value`);
  if ('missing' in measurement) return { ...line, reason: measurement.missing, ...evidence };
  return { ...line, measure: measurement.measure, scoreCentipoints: scoreIndicator(indicator.scoring, measurement.measure), reason: 'counted', ...evidence };
}

/**
 * Scores every indicator of a weighted rule set. The total is the weight-weighted mean of the
 * indicators that have data: missing data lowers coverage, not the score. Category totals are
 * each category's share of that mean (rounded, so they may differ from the total by rounding).
 */
export function scoreIndicators(ruleSet: WeightedRuleSet, inputs: readonly IndicatorInput[], subject: Subject): IndicatorScores {
  const byId = new Map(inputs.map((input, index) => [input.indicatorId, { input, index }]));
  const lines = ruleSet.indicators.map((indicator) => lineFor(indicator, byId, subject));
  const counted = lines.filter((line) => line.scoreCentipoints !== null);
  const weightWithData = counted.reduce((sum, line) => sum + line.weight, 0);
  const weighted = (of: IndicatorLine[]) => of.reduce((sum, line) => sum + line.weight * (line.scoreCentipoints ?? 0), 0);
  const categories = [...new Set(ruleSet.indicators.map((i) => i.category))].sort();
  return {
    lines,
    totalCentipoints: weightWithData === 0 ? null : roundHalfUp(weighted(counted), weightWithData),
    breakdown: categories.map((category) => ({ category, centipoints: weightWithData === 0 ? 0 : roundHalfUp(weighted(counted.filter((l) => l.category === category)), weightWithData) })),
    coverage: { withData: counted.length, total: lines.length, shareBp: Math.floor((counted.length * 10000) / lines.length) },
  };
}
