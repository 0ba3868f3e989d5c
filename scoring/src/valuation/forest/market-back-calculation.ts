import { exactAdd, exactFromDecimal, exactMultiply, exactSubtract } from '../../money/index.js';
import { defaultedNames } from '../defaulted-names.js';
import { requestInput } from '../request-input.js';
import { requireInput } from '../require-input.js';
import { resolveInput } from '../resolve-input.js';
import type { ForestContext, ForestMethodPart } from '../types.js';

const DESCRIPTION =
  'Market price back-calculation (LY/T 2407, mature / over-mature stand): W = harvest volume × timber price, ' +
  'C = W × costRate (harvest, transport, selling, management, finance costs and taxes), F = C × profitRate ' +
  '(reasonable profit), E = W − C − F. Harvest is immediate, so nothing is discounted; the volume is the ' +
  'whole pledged stand’s.';

/** Mature or over-mature timber stand: timber revenue less harvesting costs and a reasonable profit. */
export function marketBackCalculation(context: ForestContext): ForestMethodPart {
  const r = context.request;
  const method = 'market price back-calculation';
  const path = 'assetTypes.forest_right.defaults';
  const defaults = context.config.assetTypes.forest_right.defaults;
  const volume = exactFromDecimal(requireInput(r.harvestVolumeM3, 'harvestVolumeM3', method));
  const price = exactFromDecimal(requireInput(r.timberPriceFenPerM3, 'timberPriceFenPerM3', method));
  const costRate = resolveInput(r.costRate, defaults.costRate, 'share of timber revenue (decimal)', `${path}.costRate`);
  const profitRate = resolveInput(r.profitRate, defaults.profitRate, 'share of costs (decimal)', `${path}.profitRate`);
  return {
    method: 'forest_right.market_price_back_calculation',
    methodDescription: DESCRIPTION,
    inputs: {
      harvestVolumeM3: requestInput(r.harvestVolumeM3, 'm3 (whole stand)'),
      timberPriceFenPerM3: requestInput(r.timberPriceFenPerM3, 'fen per m3'),
      costRate: costRate.record,
      profitRate: profitRate.record,
    },
    warnings: [],
    sensitive: { discountRate: false, price: true, volume: true },
    defaultedValueDrivers: defaultedNames({ costRate, profitRate }),
    value: (adjustment) => {
      const revenue = exactMultiply(volume, adjustment.volumeFactor, price, adjustment.priceFactor);
      const costs = exactMultiply(revenue, costRate.exact);
      const profit = exactMultiply(costs, profitRate.exact);
      return exactSubtract(revenue, exactAdd(costs, profit));
    },
  };
}

