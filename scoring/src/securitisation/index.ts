// Securitisation of ecological-asset-backed loan pools (issue 14): pure, one operation per file.
export { defaultSecuritisationConfig } from './default-securitisation-config.js';
export { validateSecuritisationConfig } from './validate-securitisation-config.js';
export { projectWaterfall } from './project-waterfall.js';
export { stressScenario } from './stress-scenario.js';
export { selectPoolLoans } from './select-pool-loans.js';
export { poolStatistics, type PoolStatistics, type ShareRow } from './pool-statistics.js';
export { SecuritisationInputError } from './securitisation-input-error.js';
export { trancheClasses } from './types.js';
export type {
  CandidateLoan, CriterionCode, ExcludedLoan, PoolCriteria, PoolMonth, PoolSelection, SecuritisationConfig, TrancheClass, TrancheMonth, TrancheResult, TrancheSpec,
  WaterfallPool, WaterfallProjection, WaterfallScenario, WaterfallStructure,
} from './types.js';
