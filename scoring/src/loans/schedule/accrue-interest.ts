import { exact, exactDivide, exactMultiply, exactFromDecimal, multiplyFenByRate } from '../../money/index.js';
import type { DayCount } from '../types.js';
import { dayBasis } from './day-basis.js';

/** principalFen × annualRate × days / basis, exact, rounded once half-even (0 for no days). */
export function accrueInterest(principalFen: number, annualRate: number, dayCount: DayCount, days: number): number {
  if (days <= 0 || principalFen === 0) return 0;
  return multiplyFenByRate(principalFen, exactDivide(exactMultiply(exactFromDecimal(annualRate, 'annualRate'), exact(BigInt(days))), exact(dayBasis(dayCount))));
}
