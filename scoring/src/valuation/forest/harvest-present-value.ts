import { exact, exactAdd, exactDivide, exactFromDecimal, exactMultiply, exactPower, exactSubtract } from '../../money/index.js';
import { growingAnnuityFactor } from '../discounting/growing-annuity-factor.js';
import { shiftDiscountRate } from '../discounting/shift-discount-rate.js';
import { requestInput } from '../request-input.js';
import { requireInput } from '../require-input.js';
import type { ForestContext, ForestMethodPart, ValuationWarning } from '../types.js';
import { ValuationInputError } from '../valuation-input-error.js';

const DESCRIPTION =
  'Harvest present value (LY/T 2407, middle-aged / near-mature stand): ' +
  'E = K × [A_u + Σ A_a (1+P)^(u−a)] / (1+P)^(u−n) × area − Σ_{i=n+1..u} c / (1+P)^(i−n) × area. ' +
  'Convention: each future thinning (n < a ≤ u) is compounded from age a to the rotation age u, the final ' +
  'harvest and thinnings are then discounted u−n whole years to today; the annual cost c of each remaining ' +
  'year i = n+1..u is paid at the END of year i and discounted i−n whole years (ordinary annuity). ' +
  '(The reference text’s (1+P)^(i−n+1) variant would discount each cost one year more.)';

/** Middle-aged or near-mature timber stand: value of its future harvest less the costs until then. */
export function harvestPresentValue(context: ForestContext): ForestMethodPart {
  const r = context.request;
  const method = 'harvest present value';
  const age = requireInput(r.standAgeYears, 'standAgeYears', method);
  const rotation = requireInput(r.rotationAgeYears, 'rotationAgeYears', method);
  if (age >= rotation) {
    throw new ValuationInputError(`the stand (${age} years) has reached its rotation age (${rotation}); value it as mature`, 'standAgeYears');
  }
  const finalHarvest = exactFromDecimal(requireInput(r.finalHarvestNetFenPerHa, 'finalHarvestNetFenPerHa', method));
  const annualCost = exactFromDecimal(requireInput(r.annualCostFenPerHa, 'annualCostFenPerHa', method));
  const warnings: ValuationWarning[] = [];
  const thinnings = (r.thinnings ?? []).filter((t, index) => {
    const future = t.ageYears > age && t.ageYears <= rotation;
    if (!future) {
      warnings.push({
        code: 'THINNING_IGNORED',
        message: `thinning at age ${t.ageYears} is not between the stand age ${age} and rotation age ${rotation}; ignored`,
        field: `thinnings[${index}].ageYears`,
      });
    }
    return future;
  });
  return {
    method: 'forest_right.harvest_present_value',
    methodDescription: DESCRIPTION,
    inputs: {
      standAgeYears: requestInput(age, 'years'),
      rotationAgeYears: requestInput(rotation, 'years'),
      finalHarvestNetFenPerHa: requestInput(r.finalHarvestNetFenPerHa, 'fen per ha at rotation age'),
      thinnings: r.thinnings ? requestInput(r.thinnings, 'list of {age in years, net fen per ha}') : { value: [], unit: 'list', source: 'default', note: 'no thinnings given' },
      annualCostFenPerHa: requestInput(r.annualCostFenPerHa, 'fen per ha per year'),
      qualityFactor: context.qualityFactor.record,
    },
    warnings,
    sensitive: { discountRate: true, price: true, volume: true },
    defaultedValueDrivers: context.qualityFactor.defaulted ? ['qualityFactor'] : [],
    value: (adjustment) => {
      const rate = shiftDiscountRate(context.discountRate.exact, adjustment);
      const growth = exactAdd(exact(1n), rate);
      const atRotation = thinnings.reduce(
        (sum, t) => exactAdd(sum, exactMultiply(exactFromDecimal(t.netFenPerHa), exactPower(growth, rotation - t.ageYears))),
        finalHarvest,
      );
      const revenue = exactMultiply(context.qualityFactor.exact, atRotation, adjustment.priceFactor, adjustment.volumeFactor);
      const revenueToday = exactDivide(revenue, exactPower(growth, rotation - age));
      const costsToday = exactMultiply(annualCost, growingAnnuityFactor(rate, exact(0n), rotation - age));
      return exactMultiply(exactSubtract(revenueToday, costsToday), context.area);
    },
  };
}
