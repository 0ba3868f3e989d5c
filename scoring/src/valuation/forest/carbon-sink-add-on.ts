import { exact, exactFromDecimal, exactMultiply, exactSubtract, type Exact } from '../../money/index.js';
import { growingAnnuityFactor } from '../discounting/growing-annuity-factor.js';
import { shiftDiscountRate } from '../discounting/shift-discount-rate.js';
import { resolveInput, type ResolvedInput } from '../resolve-input.js';
import type { Adjustment, CarbonSinkAddOn, ValuationInputRecord, ValuationConfig } from '../types.js';

export interface CarbonSinkPart {
  inputs: Record<string, ValuationInputRecord>;
  bufferRate: ResolvedInput;
  description: string;
  value: (adjustment: Adjustment, discountRate: Exact) => Exact;
}

const DESCRIPTION =
  ' Plus carbon-sink add-on: S = Σ_{t=1..years} q × carbon price × (1 − buffer) / (1+P)^t, credits of each ' +
  'year received at its end and discounted at the stand’s rate P; the buffer is the reversal deduction.';

/** Optional carbon-sink value of a forest: discounted yearly sequestration at a carbon price, less a reversal buffer. */
export function carbonSinkAddOn(addOn: CarbonSinkAddOn, config: ValuationConfig): CarbonSinkPart {
  const buffer = resolveInput(addOn.bufferRate, config.assetTypes.forest_right.defaults.carbonBufferRate, 'share of credits (decimal)', 'assetTypes.forest_right.defaults.carbonBufferRate');
  const quantity = exactFromDecimal(addOn.annualSequestrationTco2e);
  const price = exactFromDecimal(addOn.carbonPriceFenPerT);
  return {
    inputs: {
      'carbonSink.annualSequestrationTco2e': { value: addOn.annualSequestrationTco2e, unit: 'tCO2e per year (whole stand)', source: 'request' },
      'carbonSink.carbonPriceFenPerT': { value: addOn.carbonPriceFenPerT, unit: 'fen per tCO2e', source: 'request' },
      'carbonSink.years': { value: addOn.years, unit: 'years', source: 'request' },
      'carbonSink.bufferRate': buffer.record,
    },
    bufferRate: buffer,
    description: DESCRIPTION,
    value: (adjustment, discountRate) => {
      const yearly = exactMultiply(quantity, adjustment.volumeFactor, price, adjustment.priceFactor, adjustment.carbonPriceFactor, exactSubtract(exact(1n), buffer.exact));
      return exactMultiply(yearly, growingAnnuityFactor(shiftDiscountRate(discountRate, adjustment), exact(0n), addOn.years));
    },
  };
}
