import { exact, exactFromDecimal, exactMin, exactMultiply, exactToNumber } from '../money/index.js';
import { SecuritisationInputError } from './securitisation-input-error.js';
import type { SecuritisationConfig, WaterfallScenario } from './types.js';

/**
 * A scenario stressed with one ecological scenario of the valuation engine: CDR × the configured
 * multiplier (at most 1), recovery rate × the collateral's stressed value / baseline value
 * (`collateralFactor`, from the valuation engine's stress of the pool's pledged assets).
 */
export function stressScenario(base: WaterfallScenario, ecological: string, collateralFactor: number, config: SecuritisationConfig): WaterfallScenario {
  const stress = config.ecologicalStress[ecological];
  if (!stress) throw new SecuritisationInputError(`unknown ecological scenario ${ecological}`, 'ecological');
  if (!(Number.isFinite(collateralFactor) && collateralFactor >= 0 && collateralFactor <= 1)) {
    throw new SecuritisationInputError(`collateralFactor must be a decimal 0–1, got ${collateralFactor}`, 'collateralFactor');
  }
  const one = exact(1n);
  return {
    name: `${base.name}+${ecological}`,
    cdr: exactToNumber(exactMin(one, exactMultiply(exactFromDecimal(base.cdr), exactFromDecimal(stress.cdrMultiplier))), 10),
    cpr: base.cpr,
    recoveryRate: exactToNumber(exactMultiply(exactFromDecimal(base.recoveryRate), exactFromDecimal(collateralFactor)), 10),
    recoveryLagMonths: base.recoveryLagMonths,
  };
}
