import { exactAdd, exactFromDecimal } from '../money/index.js';
import { carbonSinkAddOn } from './forest/carbon-sink-add-on.js';
import { chooseForestMethod } from './forest/choose-forest-method.js';
import { requestInput } from './request-input.js';
import { resolveInput } from './resolve-input.js';
import type { ForestContext, ForestRightRequest, MethodValuation, ValuationConfig, ValuationInputRecord, ValuationWarning } from './types.js';

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
  const { part, reason } = chooseForestMethod(context, inputs, warnings);
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
