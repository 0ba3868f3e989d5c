// THE table of an ecological damage compensation case (生态环境损害赔偿). Every transition names its
// states, permission and checks; each is one compare-and-set on the case's state within the
// authority's own cases. Payments and restoration updates are recorded while RESOLVED.
import type { Permission } from '../identity/permissions.js';

export const damageCaseStates = ['OPENED', 'ASSESSED', 'RESOLVED', 'UNDER_REVIEW', 'CLOSED'] as const;
export type DamageCaseState = (typeof damageCaseStates)[number];

export type DamageCheck =
  /** Every fen of the agreed or adjudged amount is paid. */
  | 'fully_paid'
  /** Restoration reached 100 % with evidence. */
  | 'restoration_complete'
  /** The reviewer is not the officer who opened the case or submitted it for review. */
  | 'reviewer_is_not_maker';

export type DamageAction = 'assess' | 'resolve' | 'recordPayment' | 'updateRestoration' | 'submitForReview' | 'returnForWork' | 'close';

export interface DamageTransition {
  from: readonly DamageCaseState[];
  to: DamageCaseState;
  permission: Permission;
  checks: readonly DamageCheck[];
}

export const damageStateMachine: Record<DamageAction, DamageTransition> = {
  assess: { from: ['OPENED'], to: 'ASSESSED', permission: 'damage.manage', checks: [] },
  resolve: { from: ['ASSESSED'], to: 'RESOLVED', permission: 'damage.manage', checks: [] },
  recordPayment: { from: ['RESOLVED'], to: 'RESOLVED', permission: 'damage.manage', checks: [] },
  updateRestoration: { from: ['RESOLVED'], to: 'RESOLVED', permission: 'damage.manage', checks: [] },
  submitForReview: { from: ['RESOLVED'], to: 'UNDER_REVIEW', permission: 'damage.manage', checks: ['fully_paid', 'restoration_complete'] },
  returnForWork: { from: ['UNDER_REVIEW'], to: 'RESOLVED', permission: 'damage.review', checks: ['reviewer_is_not_maker'] },
  close: { from: ['UNDER_REVIEW'], to: 'CLOSED', permission: 'damage.review', checks: ['reviewer_is_not_maker', 'fully_paid', 'restoration_complete'] },
};

export function allowedDamageActions(state: DamageCaseState): DamageAction[] {
  return (Object.keys(damageStateMachine) as DamageAction[]).filter((a) => damageStateMachine[a].from.includes(state));
}

export const damageTypes = ['water_pollution', 'soil_pollution', 'air_pollution', 'vegetation_destruction', 'wetland_damage', 'groundwater_over_abstraction', 'wildlife_habitat'] as const;

/** The enterprise rule set's downgrade an open case reports (scoring/rule-sets/enterprise.json: one grade down for 365 days). */
export const damageCaseEventType = 'general_environmental_incident';
