import { exactAdd, exactFromDecimal } from '../money/index.js';
import { carbonSinkAddOn } from './forest/carbon-sink-add-on.js';
import { economicForestAnnuity } from './forest/economic-forest-annuity.js';
import { harvestPresentValue } from './forest/harvest-present-value.js';
import { marketBackCalculation } from './forest/market-back-calculation.js';
import { perpetualIncome } from './forest/perpetual-income.js';
import { resolveAgeClass } from './forest/resolve-age-class.js';
import { replacementCost } from './forest/replacement-cost.js';
import { requestInput } from './request-input.js';
import { resolveInput } from './resolve-input.js';
import type { AgeClass, ForestContext, ForestMethodPart, ForestRightRequest, ValuationInputRecord, MethodValuation, ValuationConfig, ValuationWarning } from './types.js';

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

/** Forest right (林权): the LY/T 2407 method that fits the forest type and stand age class, plus optional carbon sink. */
export function valueForestRight(request: ForestRightRequest, config: ValuationConfig): MethodValuation {
  const path = 'assetTypes.forest_right.defaults';
  const defaults = config.assetTypes.forest_right.defaults;
  const context: ForestContext = {
    request,
    config,
    area: exactFromDecimal(request.areaHa),
    qualityFactor: resolveInput(request.qualityFactor, defaults.qualityFactor, 'factor K (decimal)', `${path}.qualityFactor`),
    discountRate: resolveInput(request.discountRate, defaults.discountRate, 'decimal per year', `${path}.discountRate`),
  };
  const warnings: ValuationWarning[] = [];
  const inputs: Record<string, ValuationInputRecord> = {
    forestType: requestInput(request.forestType, 'forest type'),
    areaHa: requestInput(request.areaHa, 'ha'),
  };
  let part: ForestMethodPart;
  let reason: string;
  if (request.forestType === 'timber') {
    const ageClass = resolveAgeClass(request, config, inputs, warnings);
    part = TIMBER_METHOD[ageClass](context);
    reason = TIMBER_REASON[ageClass];
  } else if (request.forestType === 'economic') {
    part = economicForestAnnuity(context);
    reason = 'economic forest: valued by its net income over the remaining productive years';
  } else {
    part = perpetualIncome(context);
    reason = `${request.forestType === 'bamboo' ? 'bamboo (stable-income) stand' : 'forest land'}: valued by capitalising its stable annual net income or rent`;
  }
  const sink = request.carbonSink ? carbonSinkAddOn(request.carbonSink, config) : null;
  const discounts = part.sensitive.discountRate || sink !== null;
  Object.assign(inputs, part.inputs, discounts ? { discountRate: context.discountRate.record } : {}, sink?.inputs ?? {});
  if (request.rightRemainingYears !== undefined) inputs.rightRemainingYears = requestInput(request.rightRemainingYears, 'years');
  const defaulted = [
    ...part.defaultedValueDrivers,
    ...(discounts && context.discountRate.defaulted ? ['discountRate'] : []),
    ...(sink?.bufferRate.defaulted ? ['carbonSink.bufferRate'] : []),
  ];
  return {
    method: part.method,
    methodReason: sink ? `${reason}; plus the carbon-sink add-on` : reason,
    methodDescription: part.methodDescription + (sink?.description ?? ''),
    valueType: 'market',
    inputs,
    warnings: [...warnings, ...part.warnings],
    sensitive: { ...part.sensitive, discountRate: discounts, price: true, volume: part.sensitive.volume || sink !== null },
    discountRate: discounts ? context.discountRate.exact : null,
    rightRemainingYears: request.rightRemainingYears ?? null,
    defaultedValueDrivers: defaulted,
    lendingValueCapShare: null,
    value: (adjustment) => {
      const stand = part.value(adjustment);
      return sink ? exactAdd(stand, sink.value(adjustment, context.discountRate.exact)) : stand;
    },
  };
}
