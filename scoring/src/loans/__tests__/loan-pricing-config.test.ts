import { defaultLoanPricingConfig } from '../default-loan-pricing-config.js';
import { approvalLevelFor } from '../pricing/approval-level-for.js';
import { validateLoanPricingConfig } from '../validation/validate-loan-pricing-config.js';

describe('loan pricing configuration', () => {
  it('ships a valid versioned configuration', () => {
    expect(defaultLoanPricingConfig).toMatchObject({ version: '2026.11.1', baseRate: { name: 'LPR 1Y', annualRate: 0.03 }, overdue: { graceDays: 3, defaultAfterDays: 90 } });
  });

  it('finds the lowest approval level whose limit covers the amount', () => {
    expect(approvalLevelFor(defaultLoanPricingConfig, 'example-rural-commercial-bank', 100_000_000).level).toBe('branch_approver');
    expect(approvalLevelFor(defaultLoanPricingConfig, 'example-rural-commercial-bank', 100_000_001).level).toBe('head_office_approver');
    expect(approvalLevelFor(defaultLoanPricingConfig, 'example-rural-commercial-bank', 5_000_000_000).level).toBe('credit_committee');
    expect(() => approvalLevelFor(defaultLoanPricingConfig, 'unknown-bank', 1)).toThrow(expect.objectContaining({ field: 'bankId' }));
  });

  it('refuses a configuration that makes no sense, naming the field', () => {
    const bad = (change: (c: typeof defaultLoanPricingConfig) => void) => {
      const copy = structuredClone(defaultLoanPricingConfig);
      change(copy);
      return () => validateLoanPricingConfig(copy);
    };
    expect(bad((c) => (c.floorAnnualRate = 0.09))).toThrow(expect.objectContaining({ field: 'floorAnnualRate' }));
    expect(bad((c) => (c.overdue.defaultAfterDays = 1))).toThrow(expect.objectContaining({ field: 'overdue.defaultAfterDays' }));
    expect(bad((c) => (c.approvalLimits[0]!.tiers[1]!.maxAmountFen = 10))).toThrow(expect.objectContaining({ field: 'approvalLimits[0].tiers[1].maxAmountFen' }));
    expect(bad((c) => (c.baseRate.annualRate = 2))).toThrow(expect.objectContaining({ field: 'baseRate.annualRate', message: 'loan pricing configuration: baseRate.annualRate must be <= 1' }));
  });
});
