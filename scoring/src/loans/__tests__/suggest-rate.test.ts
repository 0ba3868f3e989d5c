import { benefitsForGrade } from '../../points/benefits-for-grade.js';
import { defaultLoanPricingConfig } from '../default-loan-pricing-config.js';
import { ratePricingFromConfig } from '../pricing/rate-pricing-from-config.js';
import { suggestRate } from '../suggest-rate.js';
import type { RatePricing } from '../types.js';

const pricing: RatePricing = { baseAnnualRate: 0.03, baseRateName: 'LPR 1Y', riskSpreadBp: 120, floorAnnualRate: 0.025, capAnnualRate: 0.08, maxGradeDiscountBp: 100 };

describe('suggestRate', () => {
  it('is base rate + risk spread − grade discount: 3.00 % + 120 bp − 50 bp = 3.70 %', () => {
    expect(suggestRate(pricing, { grade: 'AA', loanRateDiscountBp: 50 })).toEqual({
      annualRate: 0.037,
      annualRateBp: 370,
      bound: null,
      components: [
        { component: 'base_rate', bp: '300', explanation: 'LPR 1Y 3.00 %' },
        { component: 'risk_spread', bp: '120', explanation: 'risk spread 120 bp' },
        { component: 'grade_discount', bp: '-50', explanation: 'ecological grade AA: discount 50 bp' },
      ],
    });
  });

  it('gives no discount without a grade', () => {
    const result = suggestRate(pricing, null);
    expect(result.annualRate).toBe(0.042);
    expect(result.components[2]).toEqual({ component: 'grade_discount', bp: '0', explanation: 'no ecological grade: no discount' });
  });

  it('limits the discount to maxGradeDiscountBp and raises the rate to the floor', () => {
    // 3.00 % + 0 − min(150, 100) bp = 2.00 % < floor 2.50 %: +50 bp.
    const result = suggestRate({ ...pricing, riskSpreadBp: 0 }, { grade: 'AAA', loanRateDiscountBp: 150 });
    expect(result).toMatchObject({ annualRate: 0.025, annualRateBp: 250, bound: 'floor' });
    expect(result.components.slice(2)).toEqual([
      { component: 'grade_discount', bp: '-100', explanation: 'ecological grade AAA: discount 150 bp, limited to 100 bp' },
      { component: 'floor', bp: '50', explanation: 'raised to the floor 2.50 %' },
    ]);
  });

  it('lowers the rate to the cap', () => {
    expect(suggestRate({ ...pricing, riskSpreadBp: 600 }, null)).toMatchObject({ annualRate: 0.08, bound: 'cap', components: expect.arrayContaining([{ component: 'cap', bp: '-100', explanation: 'lowered to the cap 8.00 %' }]) });
  });

  it('keeps fractions of a basis point of the base rate exactly: 3.45 % + 35 bp = 3.80 %', () => {
    expect(suggestRate({ ...pricing, baseAnnualRate: 0.0345, riskSpreadBp: 35 }, null)).toMatchObject({ annualRate: 0.038, annualRateBp: 380 });
    expect(suggestRate({ ...pricing, baseAnnualRate: 0.03455, riskSpreadBp: 0 }, null).components[0]!.bp).toBe('345.5');
  });

  it('takes the points engine’s benefits and the shipped configuration as they are', () => {
    const benefits = benefitsForGrade({ id: 'A', label: 'A', benefits: { loanRateDiscountBp: 30, creditLimitUpliftPct: 10, guaranteeFeeDiscountBp: 0, priorityReview: false, redemptionFenPerPoint: 0, source: 'test' }, source: 'test' }, 0);
    // 3.00 % + 120 bp − 30 bp = 3.90 %.
    expect(suggestRate(ratePricingFromConfig(defaultLoanPricingConfig), benefits).annualRate).toBe(0.039);
  });

  it('refuses inputs that make no sense, naming the field', () => {
    expect(() => suggestRate({ ...pricing, baseAnnualRate: 3 }, null)).toThrow(expect.objectContaining({ field: 'baseAnnualRate' }));
    expect(() => suggestRate({ ...pricing, riskSpreadBp: 1.5 }, null)).toThrow(expect.objectContaining({ field: 'riskSpreadBp' }));
    expect(() => suggestRate({ ...pricing, capAnnualRate: 0.01 }, null)).toThrow(expect.objectContaining({ field: 'capAnnualRate' }));
    expect(() => suggestRate(pricing, { grade: 'A', loanRateDiscountBp: -5 })).toThrow(expect.objectContaining({ field: 'benefits.loanRateDiscountBp' }));
  });
});
