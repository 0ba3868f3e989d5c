import type { IndicatorScoring } from './types.js';

/**
 * Every score (centipoints) the indicator can be given, ascending. A linear range is continuous,
 * so only its two ends are listed; any whole score in between is attainable too.
 */
export function attainableScores(scoring: IndicatorScoring): number[] {
  const scores =
    scoring.method === 'bands'
      ? [...scoring.bands.map((band) => band.centipoints), scoring.otherwiseCentipoints]
      : scoring.method === 'linear'
        ? [scoring.from.centipoints, scoring.to.centipoints]
        : [scoring.yesCentipoints, scoring.noCentipoints];
  return [...new Set(scores)].sort((a, b) => a - b);
}
