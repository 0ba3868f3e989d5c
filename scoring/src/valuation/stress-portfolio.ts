import { exact, exactDivide, exactToNumber, roundingModeNamed, sumFen, type RoundingMode } from '../money/index.js';
import { methodForRequest } from './method-for-request.js';
import { scenarioAdjustment } from './stress/scenario-adjustment.js';
import { stressPledge, type PreparedPledge } from './stress/stress-pledge.js';
import type { Pledge, StressedScenario, StressResult, StressScenario, ValuationConfig } from './types.js';

const BASELINE: StressScenario = { id: 'baseline', name: 'Baseline', description: 'No shock: today’s values.', shocks: [] };

/**
 * Applies each scenario to every pledge and lists, per scenario, each pledge's value, lending
 * value, maximum loan, LTV and whether it breaches its asset type's LTV threshold, with totals.
 * A baseline without shocks comes first for comparison. Pass config.stressScenarios for the
 * built-in drought, carbon-price, forest-fire and permit-not-renewed scenarios.
 */
export function stressPortfolio(pledges: readonly Pledge[], scenarios: readonly StressScenario[], config: ValuationConfig): StressResult {
  const rounding = roundingModeNamed(config.rounding);
  const prepared = pledges.map(
    (pledge): PreparedPledge => ({ pledge, method: methodForRequest(pledge.asset, config), ltvThreshold: config.assetTypes[pledge.asset.assetType].ltvThreshold }),
  );
  return {
    configVersion: config.version,
    baseline: stressScenario(BASELINE, prepared, config, rounding),
    scenarios: scenarios.map((scenario) => stressScenario(scenario, prepared, config, rounding)),
  };
}

function stressScenario(scenario: StressScenario, prepared: PreparedPledge[], config: ValuationConfig, rounding: RoundingMode): StressedScenario {
  const pledges = prepared.map((p) => stressPledge(p, scenarioAdjustment(scenario, p.pledge.asset.assetType), config, rounding));
  const valueFen = sumFen(pledges.map((p) => p.valueFen));
  const outstandingLoanFen = sumFen(pledges.map((p) => p.outstandingLoanFen));
  return {
    id: scenario.id,
    name: scenario.name,
    description: scenario.description,
    pledges,
    totals: {
      valueFen,
      outstandingLoanFen,
      ltv: valueFen === 0 ? null : exactToNumber(exactDivide(exact(BigInt(outstandingLoanFen)), exact(BigInt(valueFen))), 4),
      breaches: pledges.filter((p) => p.breach).length,
    },
  };
}
