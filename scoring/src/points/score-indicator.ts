import type { IndicatorScoring } from './types.js';

function bandScore(scoring: Extract<IndicatorScoring, { method: 'bands' }>, measure: number): number {
  const band = scoring.bands.find((b) => (b.from === undefined || measure >= b.from) && (b.below === undefined || measure < b.below));
  return band ? band.centipoints : scoring.otherwiseCentipoints;
}

function linearScore(scoring: Extract<IndicatorScoring, { method: 'linear' }>, measure: number): number {
  const { from, to } = scoring;
  const share = Math.min(1, Math.max(0, (measure - from.measure) / (to.measure - from.measure)));
  return Math.round(from.centipoints + (to.centipoints - from.centipoints) * share);
}

/**
 * Score (0–10000 centipoints) of a measured indicator: first matching band, linear interpolation
 * clamped to the range, or yes/no (measure 1 = yes, 0 = no).
 */
export function scoreIndicator(scoring: IndicatorScoring, measure: number): number {
  switch (scoring.method) {
    case 'bands':
      return bandScore(scoring, measure);
    case 'linear':
      return linearScore(scoring, measure);
    case 'yes_no':
      return measure === 1 ? scoring.yesCentipoints : scoring.noCentipoints;
  }
}
