// THE table of a compensation settlement run: both parties confirm (PENDING_CONFIRMATION → FINAL when
// the second confirms), or one objects within the agreement's window (→ OBJECTED; the administrator
// then runs the period again as a new round).
import type { Permission } from '../identity/permissions.js';

export const settlementStates = ['PENDING_CONFIRMATION', 'FINAL', 'OBJECTED'] as const;
export type SettlementState = (typeof settlementStates)[number];

export type SettlementAction = 'confirm' | 'finalise' | 'object';
export type SettlementCheck = 'caller_is_a_party' | 'party_not_yet_confirmed' | 'both_parties_confirmed' | 'within_objection_window';

export const settlementStateMachine: Record<SettlementAction, { from: readonly SettlementState[]; to: SettlementState; permission: Permission | null; checks: readonly SettlementCheck[] }> = {
  confirm: { from: ['PENDING_CONFIRMATION'], to: 'PENDING_CONFIRMATION', permission: 'compensation.confirm', checks: ['caller_is_a_party', 'party_not_yet_confirmed'] },
  finalise: { from: ['PENDING_CONFIRMATION'], to: 'FINAL', permission: null, checks: ['both_parties_confirmed'] },
  object: { from: ['PENDING_CONFIRMATION'], to: 'OBJECTED', permission: 'compensation.confirm', checks: ['caller_is_a_party', 'within_objection_window'] },
};
