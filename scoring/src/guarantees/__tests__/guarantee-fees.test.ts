import { checkFeeCap } from '../check-fee-cap.js';
import { defaultGuaranteeRules as rules } from '../default-guarantee-rules.js';
import { feeRateAfterGrade } from '../fee-rate-after-grade.js';
import { guaranteeFee } from '../guarantee-fee.js';
import { portfolioAverageFee } from '../portfolio-average-fee.js';

describe('guaranteeFee', () => {
  it('is amount × annual rate × days / 365 in fen', () => {
    // 5 000 000 yuan at 0.80 % for a year: 40 000 yuan.
    expect(guaranteeFee(500_000_000, 80, 365)).toBe(4_000_000);
    // 2 000 000 yuan at 1 % for 730 days (two years): 40 000 yuan.
    expect(guaranteeFee(200_000_000, 100, 730)).toBe(4_000_000);
  });

  it('rounds once, half-even', () => {
    // 100 000 fen × 0.01 × 73/365 = 200 fen exactly; 1 fen × 50 bp × 365/365 = 0.005 → 0.
    expect(guaranteeFee(100_000, 100, 73)).toBe(200);
    // 300 fen × 0.5 % = 1.5 fen → 2 (even); 100 fen × 1.5 % = 1.5 → 2; 500 fen × 0.5 % = 2.5 → 2 (even).
    expect(guaranteeFee(300, 50, 365)).toBe(2);
    expect(guaranteeFee(500, 50, 365)).toBe(2);
    // 1 234 567 fen × 0.9 % × 200/365 = 6088.1112… → 6088.
    expect(guaranteeFee(1_234_567, 90, 200)).toBe(6088);
  });

  it('refuses fractional fen, rates beyond 100 % and no days', () => {
    expect(() => guaranteeFee(1.5, 80, 365)).toThrow(expect.objectContaining({ code: 'GUARANTEE_INPUT_INVALID', field: 'amountFen' }));
    expect(() => guaranteeFee(100, 10_001, 365)).toThrow(expect.objectContaining({ field: 'annualRateBp' }));
    expect(() => guaranteeFee(100, 80, 0)).toThrow(expect.objectContaining({ field: 'days' }));
  });
});

describe('checkFeeCap', () => {
  it('allows up to 1 %/yr while the single-borrower guarantee is at most 5 million yuan', () => {
    expect(checkFeeCap(rules, { singleBorrowerFen: 500_000_000, annualRateBp: 100 })).toMatchObject({ allowed: true, capAnnualRateBp: 100 });
    const refused = checkFeeCap(rules, { singleBorrowerFen: 500_000_000, annualRateBp: 101 });
    expect(refused).toMatchObject({ allowed: false, annualRateBp: 101, capAnnualRateBp: 100, singleBorrowerFen: 500_000_000 });
    expect(refused.message).toBe('fee 101 bp/yr is above the cap of 100 bp/yr for a single borrower of 500000000 fen (≤ 500000000 fen)');
  });

  it('allows up to 1.5 %/yr above 5 million yuan', () => {
    expect(checkFeeCap(rules, { singleBorrowerFen: 500_000_001, annualRateBp: 150 })).toMatchObject({ allowed: true, capAnnualRateBp: 150 });
    expect(checkFeeCap(rules, { singleBorrowerFen: 800_000_000, annualRateBp: 151 })).toMatchObject({ allowed: false, capAnnualRateBp: 150 });
  });
});

describe('feeRateAfterGrade', () => {
  it('lowers the fee by the grade discount of the rules, never below zero', () => {
    expect(feeRateAfterGrade(rules, 100, 'AAA')).toEqual({ annualRateBp: 70, discountBp: 30 });
    expect(feeRateAfterGrade(rules, 100, 'B')).toEqual({ annualRateBp: 100, discountBp: 0 });
    expect(feeRateAfterGrade(rules, 20, 'AAA')).toEqual({ annualRateBp: 0, discountBp: 20 });
    expect(feeRateAfterGrade(rules, 90, null)).toEqual({ annualRateBp: 90, discountBp: 0 });
  });
});

describe('portfolioAverageFee', () => {
  it('is the amount-weighted average against the < 1 % target', () => {
    // (3 000 000 × 80 + 1 000 000 × 120) / 4 000 000 = 90 bp.
    expect(portfolioAverageFee(rules, [{ amountFen: 300_000_000, annualRateBp: 80 }, { amountFen: 100_000_000, annualRateBp: 120 }])).toEqual({ averageAnnualRateBp: '90.0000', totalFen: 400_000_000, targetBp: 100, belowTarget: true });
    // (1 × 100 + 2 × 101) / 3 = 100.6667 bp: not below 1 %.
    expect(portfolioAverageFee(rules, [{ amountFen: 1, annualRateBp: 100 }, { amountFen: 2, annualRateBp: 101 }])).toMatchObject({ averageAnnualRateBp: '100.6667', belowTarget: false });
    expect(portfolioAverageFee(rules, [{ amountFen: 5, annualRateBp: 100 }])).toMatchObject({ averageAnnualRateBp: '100.0000', belowTarget: false });
    expect(portfolioAverageFee(rules, [])).toEqual({ averageAnnualRateBp: '0.0000', totalFen: 0, targetBp: 100, belowTarget: true });
  });
});
