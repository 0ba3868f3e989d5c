// Rule-set versions go: upload (schema-validated) → simulated against the current population →
// scheduled to take effect on a future date. Versions are never edited or deleted; a version not
// yet in force may be withdrawn. The table below is the whole workflow (permission rulesets.manage).
import type { RuleSetState } from '../../db/points-rule-sets/rule-set-version.schema.js';

export type RuleSetAction = 'simulate' | 'schedule' | 'withdraw';

export const ruleSetTransitions: Record<RuleSetAction, { from: readonly RuleSetState[]; to: RuleSetState; rule: string }> = {
  simulate: { from: ['validated', 'simulated'], to: 'simulated', rule: 'uploaded versions are simulated (again) against the present population' },
  schedule: { from: ['simulated'], to: 'scheduled', rule: 'a simulated version is scheduled for a date after today' },
  withdraw: { from: ['validated', 'simulated', 'scheduled'], to: 'withdrawn', rule: 'a version is withdrawn only before it takes effect' },
};
