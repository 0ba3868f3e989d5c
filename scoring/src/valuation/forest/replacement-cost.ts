import { exact, exactAdd, exactFromDecimal, exactMultiply, type Exact } from '../../money/index.js';
import { shiftDiscountRate } from '../discounting/shift-discount-rate.js';
import { requestInput } from '../request-input.js';
import { requireInput } from '../require-input.js';
import type { ForestContext, ForestMethodPart } from '../types.js';
import { ValuationInputError } from '../valuation-input-error.js';

const DESCRIPTION =
  'Replacement cost (LY/T 2407, young stand): E = K × Σ_{i=1..n} C_i × (1+P)^(n−i+1) × area. Convention: ' +
  'the cost of stand year i is paid at the start of year i and compounded n−i+1 whole years at the annual ' +
  'rate P up to the valuation date at stand age n.';

/** Young timber stand: what it would cost today to grow an equivalent stand to its present age. */
export function replacementCost(context: ForestContext): ForestMethodPart {
  const costs = requireInput(context.request.costsFenPerHaByYear, 'costsFenPerHaByYear', 'replacement cost');
  const age = costs.length;
  if (age === 0) throw new ValuationInputError('costsFenPerHaByYear needs one cost per stand year', 'costsFenPerHaByYear');
  const stated = context.request.standAgeYears;
  if (stated !== undefined && stated !== age) {
    throw new ValuationInputError(`costsFenPerHaByYear has ${age} years of costs but the stand is ${stated} years old`, 'costsFenPerHaByYear');
  }
  const exactCosts = costs.map((c) => exactFromDecimal(c));
  return {
    method: 'forest_right.replacement_cost',
    methodDescription: DESCRIPTION,
    inputs: {
      costsFenPerHaByYear: requestInput(costs, 'fen per ha, one per stand year 1..n'),
      qualityFactor: context.qualityFactor.record,
    },
    warnings: [],
    sensitive: { discountRate: true, price: true, volume: false },
    defaultedValueDrivers: context.qualityFactor.defaulted ? ['qualityFactor'] : [],
    value: (adjustment) => {
      const growth = exactAdd(exact(1n), shiftDiscountRate(context.discountRate.exact, adjustment));
      // Horner: ((C_1 × g + C_2) × g + … + C_n) × g = Σ C_i × g^(n−i+1)
      const compounded = exactCosts.reduce<Exact>((sum, cost) => exactMultiply(exactAdd(sum, cost), growth), exact(0n));
      return exactMultiply(context.qualityFactor.exact, compounded, adjustment.priceFactor, context.area);
    },
  };
}
