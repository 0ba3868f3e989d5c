// Public surface of the ecological points engine.
export type * from './types.js';
export { PointsInputError } from './points-input-error.js';
export { validateRuleSet } from './validate-rule-set.js';
export { validateEvidence } from './validate-evidence.js';
export { validatePopulation } from './validate-population.js';
export { computePoints } from './compute-points.js';
export { whatIf } from './what-if.js';
export { simulateRuleChange } from './simulate-rule-change.js';
export { ruleSetInForce } from './rule-set-in-force.js';
