import { exact, exactDivide, exactFromDecimal, type Exact } from '../../money/index.js';
import type { RepaymentFrequency } from '../types.js';

/** The nominal periodic rate: annualRate / 12 for monthly, / 4 for quarterly repayment (exact). */
export function periodicRate(annualRate: number, frequency: RepaymentFrequency): Exact {
  return exactDivide(exactFromDecimal(annualRate, 'annualRate'), exact(frequency === 'monthly' ? 12n : 4n));
}
