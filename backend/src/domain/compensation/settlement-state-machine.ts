// THE table of a compensation settlement run: both parties confirm (PENDING_CONFIRMATION → FINAL when
// the second confirms), or one objects within the agreement's window (→ OBJECTED; the administrator
// then runs the period again as a new round). When the window closes without an objection, the run is
// FINAL by deemed acceptance (the compensation.deemed-acceptance job), recorded as such.
import type { Permission } from '../identity/permissions.js';

export const settlementStates = ['PENDING_CONFIRMATION', 'FINAL', 'OBJECTED'] as const;
export type SettlementState = (typeof settlementStates)[number];

export type SettlementAction = 'confirm' | 'finalise' | 'object' | 'deemAccepted';
export type SettlementCheck = 'caller_is_a_party' | 'party_not_yet_confirmed' | 'both_parties_confirmed' | 'within_objection_window' | 'objection_window_closed' | 'no_objection';

export const settlementStateMachine: Record<SettlementAction, { from: readonly SettlementState[]; to: SettlementState; permission: Permission | null; checks: readonly SettlementCheck[] }> = {
  confirm: { from: ['PENDING_CONFIRMATION'], to: 'PENDING_CONFIRMATION', permission: 'compensation.confirm', checks: ['caller_is_a_party', 'party_not_yet_confirmed'] },
  finalise: { from: ['PENDING_CONFIRMATION'], to: 'FINAL', permission: null, checks: ['both_parties_confirmed'] },
  object: { from: ['PENDING_CONFIRMATION'], to: 'OBJECTED', permission: 'compensation.confirm', checks: ['caller_is_a_party', 'within_objection_window'] },
  /** System step (job): the window closed and no party objected — the parties that did not confirm are deemed to accept. */
  deemAccepted: { from: ['PENDING_CONFIRMATION'], to: 'FINAL', permission: null, checks: ['objection_window_closed', 'no_objection'] },
};
