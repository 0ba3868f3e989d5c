import { exact, exactAdd, exactDivide, exactFromDecimal, exactMax, exactMin, exactMultiply, exactSubtract, exactToFen, exactToNumber, roundHalfEven, type Exact } from '../money/index.js';
import { dayNumber } from '../points/day-number.js';
import { latestLoanEnd } from './latest-loan-end.js';
import { OrderInputError } from './order-input-error.js';
import type { OrderInputRecord, ProductOrderConfig, ProductOrderValuation, ProductOrderValuationInput } from './types.js';

const ZERO = exact(0n);
const ONE = exact(1n);
const ISO = /^\d{4}-\d{2}-\d{2}$/;

const DESCRIPTION =
  'V = amount × (1 − dilution) × buyer-credit factor / (1 + discount rate × days / 365), days from the ' +
  'valuation date to the payment date (0 when the payment date has passed); simple discount on actual/365. ' +
  'Range: dilution ± and discount rate ± the configured points. Lending value = V × (1 − haircut), maximum ' +
  'loan = lending value × pledge rate, each rounded once half-even from the exact value.';

/**
 * Values a confirmed purchase order / receivable for ecological products (产品订单): the order amount
 * less expected dilution for quality or quantity shortfall, discounted from the payment date, times
 * the buyer-credit factor of the buyer's grade. Pure and exact; every amount rounded once, half-even.
 */
export function valueProductOrder(input: ProductOrderValuationInput, config: ProductOrderConfig): ProductOrderValuation {
  check(input);
  const days = Math.max(0, dayNumber(input.paymentDate) - dayNumber(input.valuationDate));
  const dilution = exactFromDecimal(input.dilutionRate ?? config.dilutionRate);
  const rate = exactFromDecimal(input.discountRate ?? config.discountRate);
  const factorNumber = input.buyerGrade !== null && config.buyerCreditFactors[input.buyerGrade] !== undefined ? config.buyerCreditFactors[input.buyerGrade]! : config.ungradedBuyerFactor;
  const factor = exactFromDecimal(factorNumber);
  const amount = exact(BigInt(input.amountFen));
  const valueAt = (d: Exact, i: Exact): Exact =>
    exactDivide(exactMultiply(amount, exactSubtract(ONE, d), factor), exactAdd(ONE, exactMultiply(i, exact(BigInt(days), 365n))));
  const point = valueAt(dilution, rate);
  const dp = exactFromDecimal(config.sensitivity.dilutionPoints);
  const ip = exactFromDecimal(config.sensitivity.discountRatePoints);
  const low = valueAt(exactMin(ONE, exactAdd(dilution, dp)), exactAdd(rate, ip));
  const high = valueAt(exactMax(ZERO, exactSubtract(dilution, dp)), exactMax(ZERO, exactSubtract(rate, ip)));
  const h = config.haircuts;
  const total = exactMin(ONE, [h.market, h.liquidity, h.legal, h.physical].reduce((sum, part) => exactAdd(sum, exactFromDecimal(part)), ZERO));
  const lending = exactMultiply(point, exactSubtract(ONE, total));
  const maxLoan = exactMultiply(lending, exactFromDecimal(config.pledgeRate));
  const warnings = input.paymentDate < input.valuationDate
    ? [{ code: 'PAYMENT_DATE_PASSED', message: `the payment date ${input.paymentDate} is before the valuation date; the order is valued undiscounted` }]
    : [];
  if (input.buyerGrade === null || config.buyerCreditFactors[input.buyerGrade] === undefined) {
    warnings.push({ code: 'BUYER_UNGRADED', message: `the buyer has no platform grade; the ungraded factor ${config.ungradedBuyerFactor} applies` });
  }
  return {
    method: 'product_order.discounted_receivable',
    methodDescription: DESCRIPTION,
    valueFen: exactToFen(point, roundHalfEven, 'valueFen'),
    range: { lowFen: exactToFen(low, roundHalfEven, 'range.lowFen'), highFen: exactToFen(high, roundHalfEven, 'range.highFen') },
    daysToPayment: days,
    buyerCreditFactor: factorNumber,
    haircut: { ...h, total: exactToNumber(total) },
    lendingValueFen: exactToFen(lending, roundHalfEven, 'lendingValueFen'),
    pledgeRate: config.pledgeRate,
    maxLoanFen: exactToFen(maxLoan, roundHalfEven, 'maxLoanFen'),
    latestLoanEndDate: latestLoanEnd(input.paymentDate, config.graceDays),
    inputs: inputsOf(input, config),
    configVersion: config.version,
    rounding: config.rounding,
    warnings,
  };
}

function inputsOf(input: ProductOrderValuationInput, config: ProductOrderConfig): Record<string, OrderInputRecord> {
  const fromConfig = (value: number, unit: string, path: string): OrderInputRecord => ({ value, unit, source: 'configuration', configPath: path });
  return {
    amountFen: { value: input.amountFen, unit: 'fen', source: 'request' },
    paymentDate: { value: input.paymentDate, unit: 'date', source: 'request' },
    buyerGrade: { value: input.buyerGrade, unit: 'ecological-credit grade', source: 'request' },
    dilutionRate: input.dilutionRate !== undefined ? { value: input.dilutionRate, unit: 'decimal', source: 'request' } : fromConfig(config.dilutionRate, 'decimal', 'dilutionRate'),
    discountRate: input.discountRate !== undefined ? { value: input.discountRate, unit: 'decimal per year', source: 'request' } : fromConfig(config.discountRate, 'decimal per year', 'discountRate'),
    graceDays: fromConfig(config.graceDays, 'days', 'graceDays'),
  };
}

function check(input: ProductOrderValuationInput): void {
  if (!(Number.isSafeInteger(input.amountFen) && input.amountFen > 0)) throw new OrderInputError(`amountFen must be a positive whole number of fen, got ${input.amountFen}`, 'amountFen');
  for (const key of ['valuationDate', 'paymentDate'] as const) {
    if (!ISO.test(input[key])) throw new OrderInputError(`${key} must be YYYY-MM-DD, got ${input[key]}`, key);
  }
  for (const key of ['dilutionRate', 'discountRate'] as const) {
    const v = input[key];
    if (v !== undefined && !(Number.isFinite(v) && v >= 0 && v <= 1)) throw new OrderInputError(`${key} must be a decimal 0–1, got ${v}`, key);
  }
}
