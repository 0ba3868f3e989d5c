import type { AgeClass, ForestContext, ForestMethodPart, ValuationInputRecord, ValuationWarning } from '../types.js';
import { economicForestAnnuity } from './economic-forest-annuity.js';
import { harvestPresentValue } from './harvest-present-value.js';
import { marketBackCalculation } from './market-back-calculation.js';
import { perpetualIncome } from './perpetual-income.js';
import { replacementCost } from './replacement-cost.js';
import { resolveAgeClass } from './resolve-age-class.js';

const TIMBER_METHOD: Record<AgeClass, (context: ForestContext) => ForestMethodPart> = {
  young: replacementCost,
  middle: harvestPresentValue,
  near_mature: harvestPresentValue,
  mature: marketBackCalculation,
  over_mature: marketBackCalculation,
};

const TIMBER_REASON: Record<AgeClass, string> = {
  young: 'young timber stand: no marketable timber yet, so its replacement cost is used',
  middle: 'middle-aged timber stand: valued by the present value of its expected harvest',
  near_mature: 'near-mature timber stand: valued by the present value of its expected harvest',
  mature: 'mature timber stand: valued by timber market price less harvesting costs and profit',
  over_mature: 'over-mature timber stand: valued by timber market price less harvesting costs and profit',
};

/**
 * The LY/T 2407 method for a stand and why: timber by age class (young → replacement cost,
 * middle-aged / near-mature → harvest present value, mature / over-mature → market price
 * back-calculation), economic forest → income over the remaining productive years, bamboo and
 * forest land → income capitalisation.
 */
export function chooseForestMethod(
  context: ForestContext,
  inputs: Record<string, ValuationInputRecord>,
  warnings: ValuationWarning[],
): { part: ForestMethodPart; reason: string } {
  const { request } = context;
  if (request.forestType === 'timber') {
    const ageClass = resolveAgeClass(request, context.config, inputs, warnings);
    return { part: TIMBER_METHOD[ageClass](context), reason: TIMBER_REASON[ageClass] };
  }
  if (request.forestType === 'economic') {
    return { part: economicForestAnnuity(context), reason: 'economic forest: valued by its net income over the remaining productive years' };
  }
  const what = request.forestType === 'bamboo' ? 'bamboo (stable-income) stand' : 'forest land';
  return { part: perpetualIncome(context), reason: `${what}: valued by capitalising its stable annual net income or rent` };
}
