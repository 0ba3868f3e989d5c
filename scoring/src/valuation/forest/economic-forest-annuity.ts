import { exact, exactFromDecimal, exactMultiply } from '../../money/index.js';
import { growingAnnuityFactor } from '../discounting/growing-annuity-factor.js';
import { shiftDiscountRate } from '../discounting/shift-discount-rate.js';
import { requestInput } from '../request-input.js';
import { requireInput } from '../require-input.js';
import type { ForestContext, ForestMethodPart, ValuationWarning } from '../types.js';

const DESCRIPTION =
  'Economic forest income (LY/T 2407): E = A × [(1+P)^(u−n) − 1] / [P (1+P)^(u−n)] × area, i.e. the annual ' +
  'net income A received at the END of each of the u−n remaining productive years, discounted whole years ' +
  'at the annual rate P (A × (u−n) when P = 0).';

/** Economic forest (fruit, oil-tea, …): discounted net income over its remaining productive years. */
export function economicForestAnnuity(context: ForestContext): ForestMethodPart {
  const r = context.request;
  const method = 'economic forest income';
  const age = requireInput(r.standAgeYears, 'standAgeYears', method);
  const rotation = requireInput(r.rotationAgeYears, 'rotationAgeYears', method);
  const income = exactFromDecimal(requireInput(r.annualNetIncomeFenPerHa, 'annualNetIncomeFenPerHa', method));
  const years = Math.max(0, rotation - age);
  const warnings: ValuationWarning[] = [];
  if (years === 0) {
    warnings.push({ code: 'NO_PRODUCTIVE_YEARS_LEFT', message: `the stand (${age} years) has no productive years left before age ${rotation}`, field: 'standAgeYears' });
  }
  return {
    method: 'forest_right.economic_forest_income',
    methodDescription: DESCRIPTION,
    inputs: {
      standAgeYears: requestInput(age, 'years'),
      rotationAgeYears: requestInput(rotation, 'years (end of productive life)'),
      annualNetIncomeFenPerHa: requestInput(r.annualNetIncomeFenPerHa, 'fen per ha per year'),
    },
    warnings,
    sensitive: { discountRate: true, price: true, volume: false },
    defaultedValueDrivers: [],
    value: (adjustment) => {
      const factor = growingAnnuityFactor(shiftDiscountRate(context.discountRate.exact, adjustment), exact(0n), years);
      return exactMultiply(income, adjustment.priceFactor, factor, context.area);
    },
  };
}
