import configJson from '@eco/scoring/config/loan-pricing.json' with { type: 'json' };
import type { LoanPricingConfig } from './types.js';
import { validateLoanPricingConfig } from './validation/validate-loan-pricing-config.js';

/** The default versioned loan-pricing configuration (scoring/config/loan-pricing.json), validated at load. */
export const defaultLoanPricingConfig: LoanPricingConfig = validateLoanPricingConfig(configJson);
