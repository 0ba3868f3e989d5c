import { exactFromDecimal, exactMultiply } from '../money/index.js';
import { defaultedNames } from './defaulted-names.js';
import { growingAnnuityFactor } from './discounting/growing-annuity-factor.js';
import { shiftDiscountRate } from './discounting/shift-discount-rate.js';
import { remainingYearsUnder } from './remaining-years-under.js';
import { requestInput } from './request-input.js';
import { resolveInput } from './resolve-input.js';
import type { MethodValuation, ValuationConfig, WaterRightRequest, ValuationWarning } from './types.js';

const DESCRIPTION =
  'Income approach over the remaining permit term: V = Σ_{t=1..T} Q × R × p × (1+g)^(t−1) / (1+i)^t. ' +
  'Convention: the lease income of permit year t is received at the end of year t and discounted t whole ' +
  'years at the annual rate i (annual compounding); the first year uses today’s price, later years grow by g.';

/** Water right (取水权/用水权): present value of reliable lease income over the remaining permit term. */
export function valueWaterRight(request: WaterRightRequest, config: ValuationConfig): MethodValuation {
  const path = 'assetTypes.water_right.defaults';
  const defaults = config.assetTypes.water_right.defaults;
  const reliability = resolveInput(request.reliabilityFactor, defaults.reliabilityFactor, 'share of volume (decimal)', `${path}.reliabilityFactor`);
  const growth = resolveInput(request.priceGrowthRate, defaults.priceGrowthRate, 'decimal per year', `${path}.priceGrowthRate`);
  const rate = resolveInput(request.discountRate, defaults.discountRate, 'decimal per year', `${path}.discountRate`);
  const volume = exactFromDecimal(request.annualVolumeM3);
  const price = exactFromDecimal(request.pricePerM3Fen);
  const warnings: ValuationWarning[] = [];
  if (request.remainingYears === 0) {
    warnings.push({ code: 'RIGHT_EXPIRED', message: 'the permit has no remaining years, so it has no income to value', field: 'remainingYears' });
  }
  return {
    method: 'water_right.income_present_value',
    methodReason: 'water rights earn lease income over a limited permit term, so the income approach applies',
    methodDescription: DESCRIPTION,
    valueType: 'market',
    inputs: {
      annualVolumeM3: requestInput(request.annualVolumeM3, 'm3 per year'),
      reliabilityFactor: reliability.record,
      pricePerM3Fen: requestInput(request.pricePerM3Fen, 'fen per m3'),
      priceGrowthRate: growth.record,
      remainingYears: requestInput(request.remainingYears, 'years'),
      discountRate: rate.record,
    },
    warnings,
    sensitive: { discountRate: true, price: true, volume: true },
    discountRate: rate.exact,
    rightRemainingYears: request.remainingYears,
    // a defaulted growth of 0 is conservative, so it does not count against confidence
    defaultedValueDrivers: defaultedNames({ reliabilityFactor: reliability, discountRate: rate }),
    lendingValueCapShare: null,
    value: (adjustment) => {
      const years = remainingYearsUnder(request.remainingYears, adjustment);
      const firstYearIncome = exactMultiply(volume, adjustment.volumeFactor, reliability.exact, price, adjustment.priceFactor);
      return exactMultiply(firstYearIncome, growingAnnuityFactor(shiftDiscountRate(rate.exact, adjustment), growth.exact, years));
    },
  };
}
