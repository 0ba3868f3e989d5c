import { exact, exactAdd, exactFromDecimal, exactMultiply } from '../money/index.js';
import { defaultedNames } from './defaulted-names.js';
import { growingAnnuityFactor } from './discounting/growing-annuity-factor.js';
import { shiftDiscountRate } from './discounting/shift-discount-rate.js';
import { remainingYearsUnder } from './remaining-years-under.js';
import { requestInput } from './request-input.js';
import { resolveInput } from './resolve-input.js';
import type { LandRightRequest, MethodValuation, ValuationConfig, ValuationWarning } from './types.js';

const DESCRIPTION =
  'Income approach: V = Σ_{t=1..T} income × area / (1+i)^t + improvements. Convention: the net income ' +
  '(or rent) of contract year t is received at the end of year t and discounted t whole years at the ' +
  'annual rate i; improvements and standing crops are added at their stated value, undiscounted.';

/** Land management right (土地经营权): discounted net income over the remaining contract plus improvements. */
export function valueLandRight(request: LandRightRequest, config: ValuationConfig): MethodValuation {
  const path = 'assetTypes.land_right.defaults';
  const defaults = config.assetTypes.land_right.defaults;
  const rate = resolveInput(request.discountRate, defaults.discountRate, 'decimal per year', `${path}.discountRate`);
  const improvements = resolveInput(request.improvementsFen, defaults.improvementsFen, 'fen', `${path}.improvementsFen`);
  const yearlyIncome = exactMultiply(exactFromDecimal(request.annualNetIncomeFenPerMu), exactFromDecimal(request.areaMu));
  const warnings: ValuationWarning[] = [];
  if (request.remainingYears === 0) {
    warnings.push({ code: 'RIGHT_EXPIRED', message: 'the contract has no remaining years; only improvements are valued', field: 'remainingYears' });
  }
  return {
    method: 'land_right.income_present_value',
    methodReason: 'a land management right yields net income or rent for the remaining contract term',
    methodDescription: DESCRIPTION,
    valueType: 'market',
    inputs: {
      areaMu: requestInput(request.areaMu, 'mu'),
      annualNetIncomeFenPerMu: requestInput(request.annualNetIncomeFenPerMu, 'fen per mu per year'),
      remainingYears: requestInput(request.remainingYears, 'years'),
      discountRate: rate.record,
      improvementsFen: improvements.record,
    },
    warnings,
    sensitive: { discountRate: true, price: true, volume: false },
    discountRate: rate.exact,
    rightRemainingYears: request.remainingYears,
    defaultedValueDrivers: defaultedNames({ discountRate: rate }),
    lendingValueCapShare: null,
    value: (adjustment) => {
      const years = remainingYearsUnder(request.remainingYears, adjustment);
      const factor = growingAnnuityFactor(shiftDiscountRate(rate.exact, adjustment), exact(0n), years);
      return exactAdd(exactMultiply(yearlyIncome, adjustment.priceFactor, factor), improvements.exact);
    },
  };
}
