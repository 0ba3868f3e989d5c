// Green bonds and the regulator's statistics (issue 10): pure, one operation per file. Amounts in fen.
export { allocationSummary } from './allocation-summary.js';
export { shareBp } from './share-bp.js';
export { lookbackEligible } from './lookback-eligible.js';
export { aggregateImpact } from './aggregate-impact.js';
export { groupSum } from './group-sum.js';
export { BondInputError } from './bond-input-error.js';
export type { BondAllocationLine, AllocationSummary, ImpactMeasures, ImpactTotals, ProjectImpact } from './types.js';
