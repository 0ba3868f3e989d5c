import type { IndicatorScoring, MeasureTarget } from './types.js';

function linearMeasure(scoring: Extract<IndicatorScoring, { method: 'linear' }>, score: number): MeasureTarget {
  const { from, to } = scoring;
  const measure = Math.round((from.measure + ((score - from.centipoints) * (to.measure - from.measure)) / (to.centipoints - from.centipoints)) * 1e9) / 1e9;
  const risesWithMeasure = (to.centipoints - from.centipoints) * (to.measure - from.measure) > 0;
  return risesWithMeasure ? { from: measure } : { atMost: measure };
}

/** The measure an indicator must reach to be scored `score`; null when only "no band matches" gives it. */
export function requiredMeasure(scoring: IndicatorScoring, score: number): MeasureTarget | null {
  if (scoring.method === 'linear') return linearMeasure(scoring, score);
  if (scoring.method === 'yes_no') return { equals: score === scoring.yesCentipoints };
  const band = scoring.bands.find((b) => b.centipoints === score);
  if (!band) return null;
  return { ...(band.from === undefined ? {} : { from: band.from }), ...(band.below === undefined ? {} : { below: band.below }) };
}
