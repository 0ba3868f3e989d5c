import { exact, exactFromDecimal, exactMultiply, exactSubtract, type Exact } from '../../money/index.js';
import { neutralAdjustment } from '../neutral-adjustment.js';
import type { Adjustment, AssetType, StressScenario } from '../types.js';

export interface ScenarioEffect {
  adjustment: Adjustment;
  valueLossShare: Exact;
}

const ONE = exact(1n);

/**
 * What a scenario does to one asset type: the shocks naming it are combined — factors multiply,
 * the shortest remaining-years cap wins, value losses compound as 1 − Π(1 − loss).
 */
export function scenarioAdjustment(scenario: StressScenario, assetType: AssetType): ScenarioEffect {
  let adjustment: Adjustment = neutralAdjustment;
  let kept = ONE;
  for (const shock of scenario.shocks.filter((s) => s.assetTypes.includes(assetType))) {
    adjustment = {
      ...adjustment,
      volumeFactor: times(adjustment.volumeFactor, shock.volumeFactor),
      priceFactor: times(adjustment.priceFactor, shock.priceFactor),
      carbonPriceFactor: times(adjustment.carbonPriceFactor, shock.carbonPriceFactor),
      remainingYearsCap: shortest(adjustment.remainingYearsCap, shock.remainingYearsCap),
    };
    if (shock.valueLossShare !== undefined) kept = exactMultiply(kept, exactSubtract(ONE, exactFromDecimal(shock.valueLossShare)));
  }
  return { adjustment, valueLossShare: exactSubtract(ONE, kept) };
}

function times(current: Exact, factor: number | undefined): Exact {
  return factor === undefined ? current : exactMultiply(current, exactFromDecimal(factor));
}

function shortest(current: number | null, cap: number | undefined): number | null {
  if (cap === undefined) return current;
  return current === null ? cap : Math.min(current, cap);
}
