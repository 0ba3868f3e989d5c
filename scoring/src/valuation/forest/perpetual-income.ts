import { exactDivide, exactFromDecimal, exactMultiply } from '../../money/index.js';
import { shiftDiscountRate } from '../discounting/shift-discount-rate.js';
import { requestInput } from '../request-input.js';
import { requireInput } from '../require-input.js';
import type { ForestContext, ForestMethodPart } from '../types.js';
import { ValuationInputError } from '../valuation-input-error.js';

const DESCRIPTION =
  'Income capitalisation (LY/T 2407, bamboo or stable-income stand and forest land): E = A / P × area, the ' +
  'present value of the annual net income or rent A received at the end of every year for ever, at the annual rate P.';

/** Bamboo, stable-income stands and forest land: capitalised perpetual net income or rent. */
export function perpetualIncome(context: ForestContext): ForestMethodPart {
  const r = context.request;
  const income = exactFromDecimal(requireInput(r.annualNetIncomeFenPerHa, 'annualNetIncomeFenPerHa', 'income capitalisation'));
  if (context.discountRate.exact.numerator <= 0n) {
    throw new ValuationInputError('income capitalisation needs a discount rate above 0', 'discountRate');
  }
  return {
    method: 'forest_right.income_capitalisation',
    methodDescription: DESCRIPTION,
    inputs: { annualNetIncomeFenPerHa: requestInput(r.annualNetIncomeFenPerHa, 'fen per ha per year') },
    warnings: [],
    sensitive: { discountRate: true, price: true, volume: false },
    defaultedValueDrivers: [],
    value: (adjustment) =>
      exactMultiply(exactDivide(income, shiftDiscountRate(context.discountRate.exact, adjustment)), adjustment.priceFactor, context.area),
  };
}
