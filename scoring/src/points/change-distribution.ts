import { roundHalfUp } from './round-half-up.js';
import type { ChangeDistribution } from './types.js';

/** Nearest-rank percentile of ascending values. */
function percentile(sorted: readonly number[], percent: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.max(0, Math.ceil((percent * sorted.length) / 100) - 1)]!;
}

/** Sum, mean (rounded half up), nearest-rank percentiles and direction counts of integer changes. */
export function changeDistribution(changes: readonly number[]): ChangeDistribution {
  const sorted = [...changes].sort((a, b) => a - b);
  const sum = sorted.reduce((total, change) => total + change, 0);
  return {
    sumCentipoints: sum,
    meanCentipoints: sorted.length === 0 ? null : roundHalfUp(sum, sorted.length),
    minCentipoints: percentile(sorted, 0),
    p10Centipoints: percentile(sorted, 10),
    p25Centipoints: percentile(sorted, 25),
    medianCentipoints: percentile(sorted, 50),
    p75Centipoints: percentile(sorted, 75),
    p90Centipoints: percentile(sorted, 90),
    maxCentipoints: percentile(sorted, 100),
    decreased: sorted.filter((change) => change < 0).length,
    unchanged: sorted.filter((change) => change === 0).length,
    increased: sorted.filter((change) => change > 0).length,
  };
}
