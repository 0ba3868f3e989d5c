// Government financing-guarantee rules (issue 9): pure, one operation per file. Amounts in fen,
// rates and shares in basis points, ISO dates.
export { defaultGuaranteeRules } from './default-guarantee-rules.js';
export { validateGuaranteeRules } from './validate-guarantee-rules.js';
export { checkRiskShares } from './check-risk-shares.js';
export { guaranteeFee } from './guarantee-fee.js';
export { feeRateAfterGrade } from './fee-rate-after-grade.js';
export { checkFeeCap } from './check-fee-cap.js';
export { checkCapacity } from './check-capacity.js';
export { portfolioAverageFee } from './portfolio-average-fee.js';
export { splitByRiskShares } from './split-by-risk-shares.js';
export { claimTimeline } from './claim-timeline.js';
export { guaranteeApprovalTier } from './guarantee-approval-tier.js';
export { GuaranteeInputError } from './guarantee-input-error.js';
export { riskParties } from './types.js';
export type { CapacityBreach, CapacityCheck, CapacityInput, ClaimTimeline, FeeCapCheck, FeeCapTier, GuaranteeApprovalTier, GuaranteeRules, PortfolioFee, RiskParty, RiskShares, RiskSplit } from './types.js';
