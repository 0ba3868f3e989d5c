// THE table of the loan-pool securitisation workflow (issue 14): DRAFT → STRUCTURED → REVIEWED →
// ISSUED → AMORTISING → REDEEMED, CANCELLED before issue. Each transition names the states it starts
// from, where it ends, the permission it needs, who performs it and the checks run before the
// compare-and-set on the pool's state.
import type { Permission } from '../identity/permissions.js';

export const poolStates = ['DRAFT', 'STRUCTURED', 'REVIEWED', 'ISSUED', 'AMORTISING', 'REDEEMED', 'CANCELLED'] as const;
export type PoolState = (typeof poolStates)[number];

/** States in which the pool is issued (visible to platform readers; loans locked for good). */
export const issuedPoolStates = ['ISSUED', 'AMORTISING', 'REDEEMED'] as const satisfies readonly PoolState[];

export type PoolCheck =
  /** Every selected loan is the bank's own ACTIVE loan and carries this pool's marker (at most one pool per loan). */
  | 'loans_marked'
  /** At least one loan is in the pool. */
  | 'pool_not_empty'
  /** Tranches run senior → mezzanine → subordinated and total no more than the pool balance. */
  | 'tranches_fit_pool'
  /** The reviewer is the external_reviewer institution the originator asked for, not the originator. */
  | 'assigned_reviewer'
  /** The review report document is attached and its SHA-256 recorded. */
  | 'report_document'
  /** The user issuing is not the user who built the pool (maker ≠ checker). */
  | 'maker_is_not_checker'
  /** The servicer report's period is new and complete (a past month). */
  | 'new_period'
  /** Every tranche balance is 0. */
  | 'tranches_repaid';

export type PoolAction = 'select' | 'structure' | 'review' | 'issue' | 'report' | 'redeem' | 'cancel';

export interface PoolTransition {
  from: readonly PoolState[];
  to: PoolState | 'same';
  permission: Permission;
  who: 'originator' | 'checker' | 'reviewer';
  checks: readonly PoolCheck[];
}

export const poolStateMachine: Record<PoolAction, PoolTransition> = {
  select: { from: ['DRAFT'], to: 'DRAFT', permission: 'securitisation.originate', who: 'originator', checks: ['loans_marked'] },
  structure: { from: ['DRAFT', 'STRUCTURED'], to: 'STRUCTURED', permission: 'securitisation.originate', who: 'originator', checks: ['pool_not_empty', 'tranches_fit_pool', 'assigned_reviewer'] },
  review: { from: ['STRUCTURED'], to: 'REVIEWED', permission: 'securitisation.review', who: 'reviewer', checks: ['assigned_reviewer', 'report_document'] },
  issue: { from: ['REVIEWED'], to: 'ISSUED', permission: 'securitisation.issue', who: 'checker', checks: ['loans_marked', 'maker_is_not_checker'] },
  report: { from: ['ISSUED', 'AMORTISING'], to: 'AMORTISING', permission: 'securitisation.originate', who: 'originator', checks: ['new_period'] },
  redeem: { from: ['AMORTISING'], to: 'REDEEMED', permission: 'securitisation.issue', who: 'checker', checks: ['tranches_repaid'] },
  cancel: { from: ['DRAFT', 'STRUCTURED', 'REVIEWED'], to: 'CANCELLED', permission: 'securitisation.originate', who: 'originator', checks: [] },
};
