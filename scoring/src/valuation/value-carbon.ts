import { exact, exactFromDecimal, exactMin, exactMultiply, exactSubtract } from '../money/index.js';
import { requestInput } from './request-input.js';
import { resolveInput } from './resolve-input.js';
import type { CarbonRequest, ValuationInputRecord, MethodValuation, ValuationConfig, ValuationWarning } from './types.js';

const DESCRIPTION =
  'Market approach: V = quantity × min(spot price, 20-day average price) × (1 − reversal buffer); ' +
  'the lower of the two prices guards against a one-day spike. No discounting: carbon is revalued daily.';

/** Carbon allowances (CEA), certified reductions (CCER) and forestry credits. */
export function valueCarbon(request: CarbonRequest, config: ValuationConfig): MethodValuation {
  const kindConfig = config.assetTypes.carbon.kinds[request.kind];
  const buffer = resolveInput(request.bufferRate, kindConfig.bufferRate, 'share of quantity (decimal)', `assetTypes.carbon.kinds.${request.kind}.bufferRate`);
  const spot = exactFromDecimal(request.spotPriceFenPerT);
  const average = request.avg20dPriceFenPerT === undefined ? null : exactFromDecimal(request.avg20dPriceFenPerT);
  const quantity = exactFromDecimal(request.quantityTco2e);
  const warnings: ValuationWarning[] = [];
  const inputs: Record<string, ValuationInputRecord> = {
    kind: requestInput(request.kind, 'carbon unit kind'),
    quantityTco2e: requestInput(request.quantityTco2e, 'tCO2e'),
    spotPriceFenPerT: requestInput(request.spotPriceFenPerT, 'fen per tCO2e'),
    avg20dPriceFenPerT: average
      ? requestInput(request.avg20dPriceFenPerT, 'fen per tCO2e')
      : { value: null, unit: 'fen per tCO2e', source: 'default', note: 'not given: the spot price is used alone' },
    bufferRate: buffer.record,
  };
  if (!average) {
    warnings.push({ code: 'NO_20_DAY_AVERAGE', message: 'no 20-day average price given; valued at the spot price alone', field: 'avg20dPriceFenPerT' });
  }
  if (request.rightRemainingYears !== undefined) inputs.rightRemainingYears = requestInput(request.rightRemainingYears, 'years');
  const defaulted = [...(average ? [] : ['avg20dPriceFenPerT']), ...(buffer.defaulted && request.kind === 'forestry' ? ['bufferRate'] : [])];
  return {
    method: 'carbon.lower_of_spot_and_20_day_average',
    methodReason: `${request.kind} units trade on a carbon market, so the lower of spot and 20-day average price is used`,
    methodDescription: DESCRIPTION,
    valueType: 'market',
    inputs,
    warnings,
    sensitive: { discountRate: false, price: true, volume: true },
    discountRate: null,
    rightRemainingYears: request.rightRemainingYears ?? null,
    marketLiquidity: kindConfig.marketLiquidity,
    defaultedValueDrivers: defaulted,
    lendingValueCapShare: null,
    value: (adjustment) => {
      const price = average ? exactMin(spot, average) : spot;
      const kept = exactSubtract(exact(1n), buffer.exact);
      return exactMultiply(quantity, adjustment.volumeFactor, price, adjustment.priceFactor, adjustment.carbonPriceFactor, kept);
    },
  };
}
