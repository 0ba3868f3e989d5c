import {
  exact,
  exactCompare,
  exactDivide,
  exactFromDecimal,
  exactFromFen,
  exactMax,
  exactMultiply,
  exactSubtract,
  exactToFen,
  exactToNumber,
  type RoundingMode,
} from '../../money/index.js';
import { loanLimits } from '../loan-limits.js';
import type { MethodValuation, Pledge, StressedPledge, ValuationConfig } from '../types.js';
import type { ScenarioEffect } from './scenario-adjustment.js';

export interface PreparedPledge {
  pledge: Pledge;
  method: MethodValuation;
  ltvThreshold: number;
}

const ZERO = exact(0n);
const ONE = exact(1n);

/**
 * One pledge under one scenario: value (floored at 0, less any outright loss), lending value and
 * maximum loan as in valueAsset (loanLimits), LTV = outstanding loan / value, a breach when LTV exceeds the
 * asset type's threshold or a loan remains against a value of 0.
 */
export function stressPledge(prepared: PreparedPledge, effect: ScenarioEffect, config: ValuationConfig, rounding: RoundingMode): StressedPledge {
  const { pledge, method } = prepared;
  const computed = exactMax(ZERO, method.value(effect.adjustment));
  const value = exactMultiply(computed, exactSubtract(ONE, effect.valueLossShare));
  const { lending, maxLoan } = loanLimits(pledge.asset, config, method, value);
  const loan = exactFromFen(pledge.outstandingLoanFen, 'outstandingLoanFen');
  const ltv = value.numerator === 0n ? null : exactDivide(loan, value);
  const breach = ltv === null ? loan.numerator > 0n : exactCompare(ltv, exactFromDecimal(prepared.ltvThreshold)) > 0;
  return {
    id: pledge.id,
    assetType: pledge.asset.assetType,
    valueFen: exactToFen(value, rounding, 'valueFen'),
    lendingValueFen: exactToFen(lending, rounding, 'lendingValueFen'),
    maxLoanFen: exactToFen(maxLoan, rounding, 'maxLoanFen'),
    outstandingLoanFen: pledge.outstandingLoanFen,
    ltv: ltv === null ? null : exactToNumber(ltv, 4),
    ltvThreshold: prepared.ltvThreshold,
    breach,
    excessLoanFen: exactToFen(exactMax(ZERO, exactSubtract(loan, maxLoan)), rounding, 'excessLoanFen'),
  };
}
