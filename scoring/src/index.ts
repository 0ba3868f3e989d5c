// Public surface of the scoring library. Each area re-exports its own operations.
export { ScoringInputError } from './input-error.js';
export * from './money/index.js';
export * from './points/index.js';
export * from './valuation/index.js';
export * from './loans/index.js';
export * from './bonds/index.js';
export * from './guarantees/index.js';
export * from './gep/index.js';
export * from './compensation/index.js';
export * from './orders/index.js';
export * from './securitisation/index.js';
export * from './trading/index.js';
