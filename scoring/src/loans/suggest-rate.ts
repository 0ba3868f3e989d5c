import { exact, exactAdd, exactCompare, exactDivide, exactFromDecimal, exactMultiply, exactSubtract, exactToDecimalString, type Exact } from '../money/index.js';
import { LoanInputError } from './loan-input-error.js';
import type { GradeDiscount, RateComponent, RatePricing, SuggestedRate } from './types.js';

const BP = exact(10_000n);

function bpText(rate: Exact): string {
  const text = exactToDecimalString(exactMultiply(rate, BP), 4);
  return text.replace(/\.?0+$/, '') || '0';
}

function percent(rate: Exact): string {
  return `${exactToDecimalString(exactMultiply(rate, exact(100n)), 4).replace(/0{1,2}$/, '')} %`;
}

/**
 * Suggested annual rate = base rate (e.g. one-year LPR, decimal) + risk spread (bp) − ecological
 * grade discount (the points engine's `loanRateDiscountBp`, limited to maxGradeDiscountBp), then
 * kept within [floorAnnualRate, capAnnualRate] (decimals). Exact; each step is listed with its
 * effect in basis points. Without benefits (no grade yet) there is no discount.
 */
export function suggestRate(pricing: RatePricing, benefits: GradeDiscount | null): SuggestedRate {
  const check = (ok: boolean, field: string, message: string) => {
    if (!ok) throw new LoanInputError(message, field);
  };
  check(Number.isFinite(pricing.baseAnnualRate) && pricing.baseAnnualRate >= 0 && pricing.baseAnnualRate <= 1, 'baseAnnualRate', `baseAnnualRate must be a decimal between 0 and 1, got ${pricing.baseAnnualRate}`);
  check(Number.isSafeInteger(pricing.riskSpreadBp), 'riskSpreadBp', `riskSpreadBp must be whole basis points, got ${pricing.riskSpreadBp}`);
  check(Number.isFinite(pricing.floorAnnualRate) && pricing.floorAnnualRate >= 0 && pricing.floorAnnualRate <= 1, 'floorAnnualRate', `floorAnnualRate must be a decimal between 0 and 1, got ${pricing.floorAnnualRate}`);
  check(Number.isFinite(pricing.capAnnualRate) && pricing.capAnnualRate >= pricing.floorAnnualRate && pricing.capAnnualRate <= 1, 'capAnnualRate', `capAnnualRate must be a decimal between floorAnnualRate and 1, got ${pricing.capAnnualRate}`);
  const discountBp = benefits?.loanRateDiscountBp ?? 0;
  check(Number.isSafeInteger(discountBp) && discountBp >= 0, 'benefits.loanRateDiscountBp', `loanRateDiscountBp must be whole basis points ≥ 0, got ${discountBp}`);
  const maxDiscount = pricing.maxGradeDiscountBp ?? discountBp;
  const appliedDiscountBp = Math.min(discountBp, maxDiscount);

  const base = exactFromDecimal(pricing.baseAnnualRate, 'baseAnnualRate');
  const spread = exactDivide(exact(BigInt(pricing.riskSpreadBp)), BP);
  const discount = exactDivide(exact(BigInt(appliedDiscountBp)), BP);
  const floor = exactFromDecimal(pricing.floorAnnualRate, 'floorAnnualRate');
  const cap = exactFromDecimal(pricing.capAnnualRate, 'capAnnualRate');
  const components: RateComponent[] = [
    { component: 'base_rate', bp: bpText(base), explanation: `${pricing.baseRateName ?? 'base rate'} ${percent(base)}` },
    { component: 'risk_spread', bp: bpText(spread), explanation: `risk spread ${pricing.riskSpreadBp} bp` },
    {
      component: 'grade_discount',
      bp: bpText(exactSubtract(exact(0n), discount)),
      explanation: benefits
        ? `ecological grade ${benefits.grade}: discount ${discountBp} bp${appliedDiscountBp < discountBp ? `, limited to ${appliedDiscountBp} bp` : ''}`
        : 'no ecological grade: no discount',
    },
  ];
  const raw = exactSubtract(exactAdd(base, spread), discount);
  let rate = raw;
  let bound: SuggestedRate['bound'] = null;
  if (exactCompare(raw, floor) < 0) {
    rate = floor;
    bound = 'floor';
    components.push({ component: 'floor', bp: bpText(exactSubtract(floor, raw)), explanation: `raised to the floor ${percent(floor)}` });
  } else if (exactCompare(raw, cap) > 0) {
    rate = cap;
    bound = 'cap';
    components.push({ component: 'cap', bp: bpText(exactSubtract(cap, raw)), explanation: `lowered to the cap ${percent(cap)}` });
  }
  return { annualRate: Number(exactToDecimalString(rate, 8)), annualRateBp: Number(exactToDecimalString(exactMultiply(rate, BP), 4)), bound, components };
}
