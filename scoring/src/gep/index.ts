// GEP accounting (issue 12): pure, one operation per file. Amounts in fen, quantities as decimal text.
export { defaultGepConfig } from './default-gep-config.js';
export { validateGepConfig } from './validate-gep-config.js';
export { gepServiceValue } from './gep-service-value.js';
export { gepAccount } from './gep-account.js';
export { gepYearChange } from './gep-year-change.js';
export { GepInputError } from './gep-input-error.js';
export { gepCategories, pricingMethods } from './types.js';
export type { GepAccount, GepAccountInput, GepCategory, GepConfig, GepServiceChange, GepServiceConfig, GepServiceInput, GepServiceValue, GepYearChange, PricingMethod } from './types.js';
export { ecoRegions, validateEcoRegions } from './eco-regions.js';
export type { EcoRegion, EcoRegions } from './eco-regions.js';
