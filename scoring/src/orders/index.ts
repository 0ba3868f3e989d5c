// Product-order pledges (issue 14): pure valuation of a confirmed order for ecological products.
export { defaultProductOrderConfig } from './default-product-order-config.js';
export { validateProductOrderConfig } from './validate-product-order-config.js';
export { valueProductOrder } from './value-product-order.js';
export { latestLoanEnd } from './latest-loan-end.js';
export { loanEndWithinOrder } from './loan-end-within-order.js';
export { OrderInputError } from './order-input-error.js';
export type { OrderInputRecord, ProductOrderConfig, ProductOrderValuation, ProductOrderValuationInput } from './types.js';
