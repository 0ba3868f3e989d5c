import { exact, exactFromDecimal, exactMultiply } from '../money/index.js';
import { remainingYearsUnder } from './remaining-years-under.js';
import { requestInput } from './request-input.js';
import type { EmissionRightRequest, ValuationInputRecord, MethodValuation, ValuationWarning } from './types.js';

const DESCRIPTION = 'Market approach: V = tonnes × reference price of the right as quoted (fen per tonne); no discounting.';

/** Emission right (排污权): permitted tonnage at the market or government reference price. */
export function valueEmissionRight(request: EmissionRightRequest): MethodValuation {
  const tonnes = exactFromDecimal(request.tonnes);
  const price = exactFromDecimal(request.referencePriceFenPerTonne);
  const remaining = request.rightRemainingYears ?? null;
  const warnings: ValuationWarning[] = [];
  if (remaining === 0) {
    warnings.push({ code: 'RIGHT_EXPIRED', message: 'the permit has expired, so the right has no value', field: 'rightRemainingYears' });
  }
  const inputs: Record<string, ValuationInputRecord> = {
    pollutant: requestInput(request.pollutant, 'pollutant code'),
    tonnes: requestInput(request.tonnes, 'tonnes'),
    referencePriceFenPerTonne: requestInput(request.referencePriceFenPerTonne, 'fen per tonne'),
  };
  if (remaining !== null) inputs.rightRemainingYears = requestInput(remaining, 'years');
  return {
    method: 'emission_right.market_price',
    methodReason: 'emission rights trade on exchanges or have government reference prices',
    methodDescription: DESCRIPTION,
    valueType: 'market',
    inputs,
    warnings,
    sensitive: { discountRate: false, price: true, volume: true },
    discountRate: null,
    rightRemainingYears: remaining,
    defaultedValueDrivers: [],
    lendingValueCapShare: null,
    value: (adjustment) => {
      if (remaining !== null && remainingYearsUnder(remaining, adjustment) === 0) return exact(0n);
      return exactMultiply(tonnes, adjustment.volumeFactor, price, adjustment.priceFactor);
    },
  };
}
