// THE table of the bank-side loan workflow (one loan per application and bank). Every transition
// names the states it may start from, the state it ends in, the permission it needs, who performs
// it, the checks the service runs before the compare-and-set and the documents it requires.
import type { Permission } from '../identity/permissions.js';

export const loanStates = [
  'SUBMITTED', 'UNDER_REVIEW', 'INFO_REQUESTED', 'GREEN_ASSESSED', 'GUARANTEE_PENDING', 'GUARANTEE_CONFIRMED',
  'PENDING_APPROVAL', 'APPROVED', 'REJECTED', 'ACCEPTED', 'LAPSED', 'ACTIVE', 'OVERDUE', 'DEFAULTED',
  'WRITTEN_OFF', 'CLOSED', 'WITHDRAWN',
] as const;
export type LoanState = (typeof loanStates)[number];

/** States in which the bank is still deciding (the applicant may withdraw; acceptance lapses them). */
export const openReviewStates = [
  'SUBMITTED', 'UNDER_REVIEW', 'INFO_REQUESTED', 'GREEN_ASSESSED', 'GUARANTEE_PENDING', 'GUARANTEE_CONFIRMED', 'PENDING_APPROVAL',
] as const satisfies readonly LoanState[];
/** States in which money is lent out (repayments are recorded, the pledge holds). */
export const lentStates = ['ACTIVE', 'OVERDUE', 'DEFAULTED'] as const satisfies readonly LoanState[];

export type LoanActor = 'applicant' | 'officer' | 'approver' | 'system';

export type LoanCheck =
  /** Use of proceeds maps to an eligible entry of the green taxonomy. */
  | 'taxonomy_eligible'
  /** The pre-screen found the applicant eligible (verified assets, no active veto, term ≤ every right). */
  | 'prescreen_eligible'
  /** The recommendation's amount is within the pre-screen's maximum loan. */
  | 'amount_within_max_loan'
  /** A guarantee was requested: recommending waits for its confirmation. */
  | 'guarantee_confirmed_if_required'
  /** The approver is not the officer who recommended (maker-checker). */
  | 'maker_is_not_checker'
  /** The amount is within the approver's tier of the bank's approval limits. */
  | 'within_approval_limit'
  /** Every offered asset moves free → pledged to this loan (all or none). */
  | 'pledge_registered'
  /** The application has not accepted another bank's offer. */
  | 'application_open'
  /** The asset being disposed of is pledged to this loan. */
  | 'asset_pledged_to_loan';

export type LoanAction =
  | 'startReview' | 'requestInfo' | 'provideInfo' | 'assessGreen' | 'requestGuarantee' | 'confirmGuarantee'
  | 'recommend' | 'approve' | 'reject' | 'decline' | 'undoApproval' | 'accept' | 'lapse' | 'withdraw'
  | 'disburse' | 'markOverdue' | 'cure' | 'close' | 'markDefaulted' | 'writeOff';

export interface LoanTransition {
  from: readonly LoanState[];
  to: LoanState;
  /** The permission the caller needs (system steps run as the platform and need none). */
  permission: Permission | null;
  who: LoanActor;
  checks: readonly LoanCheck[];
  /** Documents the step requires (names of what must be attached). */
  documents: readonly string[];
}

export const loanStateMachine: Record<LoanAction, LoanTransition> = {
  startReview: { from: ['SUBMITTED'], to: 'UNDER_REVIEW', permission: 'loans.review', who: 'officer', checks: [], documents: [] },
  requestInfo: { from: ['UNDER_REVIEW'], to: 'INFO_REQUESTED', permission: 'loans.review', who: 'officer', checks: [], documents: [] },
  provideInfo: { from: ['INFO_REQUESTED'], to: 'UNDER_REVIEW', permission: 'loans.apply', who: 'applicant', checks: [], documents: ['the documents asked for (optional)'] },
  assessGreen: { from: ['UNDER_REVIEW'], to: 'GREEN_ASSESSED', permission: 'loans.review', who: 'officer', checks: ['taxonomy_eligible', 'prescreen_eligible'], documents: [] },
  requestGuarantee: { from: ['GREEN_ASSESSED'], to: 'GUARANTEE_PENDING', permission: 'loans.review', who: 'officer', checks: [], documents: [] },
  confirmGuarantee: { from: ['GUARANTEE_PENDING'], to: 'GUARANTEE_CONFIRMED', permission: null, who: 'system', checks: [], documents: ['the guarantee letter (guarantee workflow)'] },
  recommend: { from: ['GREEN_ASSESSED', 'GUARANTEE_CONFIRMED'], to: 'PENDING_APPROVAL', permission: 'loans.review', who: 'officer', checks: ['guarantee_confirmed_if_required', 'amount_within_max_loan'], documents: [] },
  approve: { from: ['PENDING_APPROVAL'], to: 'APPROVED', permission: 'loans.approve', who: 'approver', checks: ['maker_is_not_checker', 'within_approval_limit'], documents: [] },
  reject: { from: ['PENDING_APPROVAL'], to: 'REJECTED', permission: 'loans.approve', who: 'approver', checks: ['maker_is_not_checker'], documents: [] },
  decline: { from: ['UNDER_REVIEW', 'INFO_REQUESTED', 'GREEN_ASSESSED', 'GUARANTEE_PENDING', 'GUARANTEE_CONFIRMED'], to: 'REJECTED', permission: 'loans.review', who: 'officer', checks: [], documents: [] },
  undoApproval: { from: ['APPROVED'], to: 'PENDING_APPROVAL', permission: 'loans.approve', who: 'approver', checks: [], documents: [] },
  accept: { from: ['APPROVED'], to: 'ACCEPTED', permission: 'loans.apply', who: 'applicant', checks: ['application_open'], documents: [] },
  lapse: { from: [...openReviewStates, 'APPROVED'], to: 'LAPSED', permission: null, who: 'system', checks: [], documents: [] },
  withdraw: { from: [...openReviewStates], to: 'WITHDRAWN', permission: 'loans.apply', who: 'applicant', checks: [], documents: [] },
  disburse: { from: ['ACCEPTED'], to: 'ACTIVE', permission: 'loans.review', who: 'officer', checks: ['guarantee_confirmed_if_required', 'pledge_registered'], documents: ['the pledge registration (recorded on each asset)'] },
  markOverdue: { from: ['ACTIVE'], to: 'OVERDUE', permission: null, who: 'system', checks: [], documents: [] },
  cure: { from: ['OVERDUE'], to: 'ACTIVE', permission: null, who: 'system', checks: [], documents: [] },
  close: { from: ['ACTIVE', 'OVERDUE', 'DEFAULTED'], to: 'CLOSED', permission: null, who: 'system', checks: [], documents: [] },
  markDefaulted: { from: ['OVERDUE'], to: 'DEFAULTED', permission: null, who: 'system', checks: [], documents: [] },
  writeOff: { from: ['DEFAULTED'], to: 'WRITTEN_OFF', permission: 'loans.approve', who: 'approver', checks: [], documents: [] },
};

/** The actions a loan in this state allows (for errors and for the web app's buttons). */
export function allowedActions(state: LoanState): LoanAction[] {
  return (Object.keys(loanStateMachine) as LoanAction[]).filter((a) => loanStateMachine[a].from.includes(state));
}

/** The applicant's application (one per request, offered to one or several banks). */
export const applicationStates = ['DRAFT', 'SUBMITTED', 'OFFER_ACCEPTED', 'WITHDRAWN'] as const;
export type ApplicationState = (typeof applicationStates)[number];
