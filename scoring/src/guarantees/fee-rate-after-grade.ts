import { assertBp } from './assert-input.js';
import type { GuaranteeRules } from './types.js';

/** The proposed annual fee rate lowered by the applicant's grade discount (never below 0). */
export function feeRateAfterGrade(rules: GuaranteeRules, proposedRateBp: number, grade: string | null): { annualRateBp: number; discountBp: number } {
  assertBp(proposedRateBp, 'proposedRateBp');
  const discountBp = grade ? (rules.gradeFeeDiscountBp[grade] ?? 0) : 0;
  return { annualRateBp: Math.max(0, proposedRateBp - discountBp), discountBp: Math.min(discountBp, proposedRateBp) };
}
