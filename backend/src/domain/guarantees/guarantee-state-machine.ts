// THE table of the government financing-guarantee workflow (one guarantee per bank loan). Every
// transition names the states it may start from, the state it ends in, the permission it needs, who
// performs it, the checks the service runs before the compare-and-set and the documents it requires.
import type { Permission } from '../identity/permissions.js';

export const guaranteeStates = [
  'APPLIED', 'DUE_DILIGENCE', 'COMMITTEE_REVIEW', 'APPROVED', 'REJECTED', 'COUNTER_GUARANTEE_PENDING', 'LETTER_ISSUED',
  'IN_FORCE', 'RELEASED', 'DEFAULT_NOTIFIED', 'CLAIM_SUBMITTED', 'COMPENSATED', 'REGUARANTEE_CLAIMED', 'RECOVERING',
  'CLOSED', 'WRITTEN_OFF',
] as const;
export type GuaranteeState = (typeof guaranteeStates)[number];

/** States that end a guarantee (the loan may then have a new one). */
export const finishedStates = ['REJECTED', 'RELEASED', 'CLOSED', 'WRITTEN_OFF'] as const satisfies readonly GuaranteeState[];
/** States whose amount counts towards the guarantor's outstanding guarantees (capacity, portfolio). */
export const outstandingStates = ['APPROVED', 'COUNTER_GUARANTEE_PENDING', 'LETTER_ISSUED', 'IN_FORCE', 'DEFAULT_NOTIFIED', 'CLAIM_SUBMITTED'] as const satisfies readonly GuaranteeState[];

export type GuaranteeActor = 'bank' | 'officer' | 'approver' | 'system';

export type GuaranteeCheck =
  /** The loan waits in GUARANTEE_PENDING at the same bank. */
  | 'loan_guarantee_pending'
  /** Risk shares total 100 %. */
  | 'risk_shares_total_100'
  /** The fee is within the policy cap for the borrower's total guarantee. */
  | 'fee_within_cap'
  /** Outstanding ≤ multiple × net assets and the obligor ≤ its share of net assets. */
  | 'capacity'
  /** The approver is not the officer who recommended. */
  | 'maker_is_not_checker'
  /** The amount is within the approver's approval tier. */
  | 'within_approval_tier'
  /** A counter-guarantee (pledged ecological assets or other security) is recorded. */
  | 'counter_guarantee_recorded'
  /** The loan is disbursed (ACTIVE or later). */
  | 'loan_disbursed'
  /** The loan is CLOSED (obligations met). */
  | 'loan_closed'
  /** The loan fell overdue at least the configured days ago; the claim ≤ coverage × the guarantee. */
  | 'claim_timeline_and_cover'
  /** The re-guarantee claim is filed within the configured days of compensation. */
  | 'reguarantee_claim_deadline'
  /** Pledged ecological assets offered as counter-guarantee are free and verified: all pledged to the guarantee, or none. */
  | 'counter_guarantee_assets_free';

export type GuaranteeAction =
  | 'startDueDiligence' | 'recommend' | 'approve' | 'reject' | 'decline' | 'requestCounterGuarantee' | 'issueLetter'
  | 'confirmDisbursement' | 'release' | 'notifyDefault' | 'submitClaim' | 'compensate' | 'claimReguarantee'
  | 'startRecovery' | 'close' | 'writeOff';

export interface GuaranteeTransition {
  from: readonly GuaranteeState[];
  to: GuaranteeState;
  /** The permission the caller needs (system steps run as the platform and need none). */
  permission: Permission | null;
  who: GuaranteeActor;
  checks: readonly GuaranteeCheck[];
  documents: readonly string[];
}

export const guaranteeStateMachine: Record<GuaranteeAction, GuaranteeTransition> = {
  startDueDiligence: { from: ['APPLIED'], to: 'DUE_DILIGENCE', permission: 'guarantees.review', who: 'officer', checks: [], documents: [] },
  recommend: { from: ['DUE_DILIGENCE'], to: 'COMMITTEE_REVIEW', permission: 'guarantees.review', who: 'officer', checks: ['risk_shares_total_100', 'fee_within_cap', 'capacity'], documents: ['due-diligence findings'] },
  approve: { from: ['COMMITTEE_REVIEW'], to: 'APPROVED', permission: 'guarantees.approve', who: 'approver', checks: ['maker_is_not_checker', 'within_approval_tier', 'capacity'], documents: [] },
  reject: { from: ['COMMITTEE_REVIEW'], to: 'REJECTED', permission: 'guarantees.approve', who: 'approver', checks: ['maker_is_not_checker'], documents: [] },
  decline: { from: ['APPLIED', 'DUE_DILIGENCE'], to: 'REJECTED', permission: 'guarantees.review', who: 'officer', checks: [], documents: [] },
  requestCounterGuarantee: { from: ['APPROVED'], to: 'COUNTER_GUARANTEE_PENDING', permission: 'guarantees.review', who: 'officer', checks: [], documents: [] },
  issueLetter: { from: ['COUNTER_GUARANTEE_PENDING'], to: 'LETTER_ISSUED', permission: 'guarantees.review', who: 'officer', checks: ['counter_guarantee_recorded', 'counter_guarantee_assets_free', 'loan_guarantee_pending'], documents: ['guarantee letter (PDF)', 'fee charged'] },
  confirmDisbursement: { from: ['LETTER_ISSUED'], to: 'IN_FORCE', permission: 'loans.review', who: 'bank', checks: ['loan_disbursed'], documents: [] },
  release: { from: ['IN_FORCE'], to: 'RELEASED', permission: 'loans.review', who: 'bank', checks: ['loan_closed'], documents: [] },
  notifyDefault: { from: ['IN_FORCE'], to: 'DEFAULT_NOTIFIED', permission: null, who: 'system', checks: [], documents: ['the loan default (loans hook)'] },
  submitClaim: { from: ['DEFAULT_NOTIFIED'], to: 'CLAIM_SUBMITTED', permission: 'loans.review', who: 'bank', checks: ['claim_timeline_and_cover'], documents: ['overdue proof', 'loan contract', 'collection record'] },
  compensate: { from: ['CLAIM_SUBMITTED'], to: 'COMPENSATED', permission: 'guarantees.approve', who: 'approver', checks: [], documents: ['compensation notice (PDF)'] },
  claimReguarantee: { from: ['COMPENSATED'], to: 'REGUARANTEE_CLAIMED', permission: 'guarantees.review', who: 'officer', checks: ['reguarantee_claim_deadline'], documents: [] },
  startRecovery: { from: ['REGUARANTEE_CLAIMED'], to: 'RECOVERING', permission: 'guarantees.review', who: 'officer', checks: [], documents: [] },
  close: { from: ['RECOVERING'], to: 'CLOSED', permission: 'guarantees.approve', who: 'approver', checks: [], documents: [] },
  writeOff: { from: ['RECOVERING'], to: 'WRITTEN_OFF', permission: 'guarantees.approve', who: 'approver', checks: [], documents: [] },
};

/** The actions a guarantee in this state allows (for errors and for the web app's buttons). */
export function allowedGuaranteeActions(state: GuaranteeState): GuaranteeAction[] {
  return (Object.keys(guaranteeStateMachine) as GuaranteeAction[]).filter((a) => guaranteeStateMachine[a].from.includes(state));
}
