import type { LoanPricingConfig, RatePricing } from '../types.js';

/** The suggestRate inputs of a loan-pricing configuration, with an optional spread for this applicant (bp). */
export function ratePricingFromConfig(config: LoanPricingConfig, riskSpreadBp = config.riskSpreadBp): RatePricing {
  return {
    baseAnnualRate: config.baseRate.annualRate,
    baseRateName: config.baseRate.name,
    riskSpreadBp,
    floorAnnualRate: config.floorAnnualRate,
    capAnnualRate: config.capAnnualRate,
    maxGradeDiscountBp: config.maxGradeDiscountBp,
  };
}
