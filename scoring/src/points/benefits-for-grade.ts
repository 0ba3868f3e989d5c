import type { BenefitsResult, Grade } from './types.js';

/** What a grade earns; the redemption value is the positive total's points at the grade's fen-per-point rate, rounded down. */
export function benefitsForGrade(grade: Grade, totalCentipoints: number): BenefitsResult {
  const { benefits } = grade;
  return {
    grade: grade.id,
    loanRateDiscountBp: benefits.loanRateDiscountBp,
    creditLimitUpliftPct: benefits.creditLimitUpliftPct,
    guaranteeFeeDiscountBp: benefits.guaranteeFeeDiscountBp,
    priorityReview: benefits.priorityReview,
    redemptionValueFen: Math.floor((Math.max(0, totalCentipoints) * benefits.redemptionFenPerPoint) / 100),
  };
}
