// Horizontal ecological compensation (issue 12): pure, one operation per file. Amounts in fen.
export { pilotBasins, type Basin, type BasinRegion, type PilotBasins } from './pilot-basins.js';
export { validateCompensationTerms } from './validate-compensation-terms.js';
export { waterQualityIndex, checkQualityTerms } from './water-quality-index.js';
export { qualityPayment } from './quality-payment.js';
export { quantityPayment } from './quantity-payment.js';
export { gepAdjustment } from './gep-adjustment.js';
export { settleCompensation } from './settle-compensation.js';
export { CompensationInputError } from './compensation-input-error.js';
export type { CompensationMonitoring, CompensationTerms, GepAdjustmentTerms, Party, PollutantTerm, QualityIndex, QualityIndexTerm, QualityTier, Settlement, SettlementLine, WaterQualityTerms, WaterQuantityTerms } from './types.js';
