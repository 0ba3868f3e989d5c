// THE table of the green-bond workflow, and the table of its annual allocation and impact reports.
// Every transition names the states it may start from, the state it ends in, the permission it
// needs, who performs it and the checks the service runs before the compare-and-set.
import type { Permission } from '../identity/permissions.js';

export const bondStates = [
  'DRAFT_FRAMEWORK', 'EXTERNAL_REVIEW_PENDING', 'REVIEWED', 'REGISTERED', 'ISSUED', 'ALLOCATING', 'FULLY_ALLOCATED', 'MATURED',
  'CANCELLED', 'DELABELLED',
] as const;
export type BondState = (typeof bondStates)[number];

/** States in which proceeds exist and may be allocated to projects. */
export const allocatableStates = ['ISSUED', 'ALLOCATING'] as const satisfies readonly BondState[];
/** States in which the bond is outstanding with the green label (impact reports are due). */
export const outstandingStates = ['ISSUED', 'ALLOCATING', 'FULLY_ALLOCATED'] as const satisfies readonly BondState[];

export type BondActor = 'issuer' | 'checker' | 'reviewer' | 'system';

export type BondCheck =
  /** The four components are written and at least one standard is claimed. */
  | 'framework_complete'
  /** Every project maps to an eligible entry of the green taxonomy (100 % use of proceeds). */
  | 'projects_eligible'
  /** The reviewer's institution is the one the issuer asked for (an external_reviewer institution). */
  | 'assigned_reviewer'
  /** The issuer cannot review itself: the reviewer acts for an institution, never for the issuing subject. */
  | 'not_self_review'
  /** The review report document is attached and its SHA-256 recorded. */
  | 'report_document'
  /** Issuance terms (amount, coupon, tenor, planned date) and a registration number are given. */
  | 'terms_complete'
  /** Allocations never exceed proceeds (conditional $inc on the bond document). */
  | 'within_proceeds'
  /** The allocation's checker is not the user who proposed it (maker-checker). */
  | 'maker_is_not_checker'
  /** After the approval every fen of proceeds is allocated. */
  | 'fully_allocated'
  /** The maturity date has been reached. */
  | 'maturity_reached'
  /** A project that received proceeds is no longer eligible. */
  | 'financed_project_ineligible'
  /** Loans are linked only to a bank's green financial bond, and only the bank's own loans. */
  | 'bank_issuer'
  /** The loan is ACTIVE, lent by the issuing bank, with an eligible green taxonomy code; its benefits are measures of that code. */
  | 'loan_eligible'
  /** A loan is linked to one bond at a time (compare-and-set of greenBondId on the loan). */
  | 'loan_not_linked'
  /** The loan is linked to this bond. */
  | 'loan_linked';

export type BondAction =
  | 'submitForReview' | 'requestChanges' | 'review' | 'register' | 'issue' | 'allocate' | 'completeAllocation'
  | 'mature' | 'cancel' | 'delabel' | 'linkLoan' | 'linkLoanCompleting' | 'unlinkLoan';

export interface BondTransition {
  from: readonly BondState[];
  to: BondState;
  /** The permission the caller needs (system steps run as the platform and need none). */
  permission: Permission | null;
  who: BondActor;
  checks: readonly BondCheck[];
  documents: readonly string[];
}

export const bondStateMachine: Record<BondAction, BondTransition> = {
  submitForReview: { from: ['DRAFT_FRAMEWORK'], to: 'EXTERNAL_REVIEW_PENDING', permission: 'bonds.issue', who: 'issuer', checks: ['framework_complete', 'projects_eligible'], documents: [] },
  requestChanges: { from: ['EXTERNAL_REVIEW_PENDING'], to: 'DRAFT_FRAMEWORK', permission: 'bonds.review', who: 'reviewer', checks: ['assigned_reviewer', 'not_self_review'], documents: [] },
  review: { from: ['EXTERNAL_REVIEW_PENDING'], to: 'REVIEWED', permission: 'bonds.review', who: 'reviewer', checks: ['assigned_reviewer', 'not_self_review', 'report_document'], documents: ['the review report (second-party opinion, verification, certification or rating)'] },
  register: { from: ['REVIEWED'], to: 'REGISTERED', permission: 'bonds.issue', who: 'issuer', checks: ['terms_complete'], documents: [] },
  issue: { from: ['REGISTERED'], to: 'ISSUED', permission: 'bonds.issue', who: 'issuer', checks: [], documents: [] },
  allocate: { from: ['ISSUED', 'ALLOCATING'], to: 'ALLOCATING', permission: 'bonds.allocate.approve', who: 'checker', checks: ['maker_is_not_checker', 'within_proceeds'], documents: [] },
  completeAllocation: { from: ['ISSUED', 'ALLOCATING'], to: 'FULLY_ALLOCATED', permission: 'bonds.allocate.approve', who: 'checker', checks: ['maker_is_not_checker', 'within_proceeds', 'fully_allocated'], documents: [] },
  mature: { from: ['ISSUED', 'ALLOCATING', 'FULLY_ALLOCATED'], to: 'MATURED', permission: 'bonds.issue', who: 'issuer', checks: ['maturity_reached'], documents: [] },
  cancel: { from: ['DRAFT_FRAMEWORK', 'EXTERNAL_REVIEW_PENDING', 'REVIEWED', 'REGISTERED'], to: 'CANCELLED', permission: 'bonds.issue', who: 'issuer', checks: [], documents: [] },
  delabel: { from: ['ISSUED', 'ALLOCATING', 'FULLY_ALLOCATED'], to: 'DELABELLED', permission: 'bonds.review', who: 'reviewer', checks: ['assigned_reviewer', 'financed_project_ineligible'], documents: [] },
  // A bank's green financial bond: linking one of its own ACTIVE green loans allocates the loan's amount
  // (the loan was approved by the bank's approver, a user other than its officer, in the loan workflow).
  linkLoan: { from: ['ISSUED', 'ALLOCATING'], to: 'ALLOCATING', permission: 'bonds.issue', who: 'issuer', checks: ['bank_issuer', 'loan_eligible', 'loan_not_linked', 'within_proceeds'], documents: [] },
  linkLoanCompleting: { from: ['ISSUED', 'ALLOCATING'], to: 'FULLY_ALLOCATED', permission: 'bonds.issue', who: 'issuer', checks: ['bank_issuer', 'loan_eligible', 'loan_not_linked', 'within_proceeds', 'fully_allocated'], documents: [] },
  unlinkLoan: { from: ['ALLOCATING', 'FULLY_ALLOCATED'], to: 'ALLOCATING', permission: 'bonds.issue', who: 'issuer', checks: ['bank_issuer', 'loan_linked'], documents: [] },
};

/** Actions only a bank issuer's bond offers. */
export const bankIssuerActions: readonly BondAction[] = ['linkLoan', 'linkLoanCompleting', 'unlinkLoan'];

/** The actions a bond in this state allows (for errors and for the web app's buttons). */
export function allowedBondActions(state: BondState, bankIssuer = false): BondAction[] {
  return (Object.keys(bondStateMachine) as BondAction[]).filter((a) => bondStateMachine[a].from.includes(state) && (bankIssuer || !bankIssuerActions.includes(a)));
}

/** The annual allocation and impact report. */
export const impactReportStates = ['DRAFT', 'VERIFIED', 'PUBLISHED'] as const;
export type ImpactReportState = (typeof impactReportStates)[number];
export type ImpactReportAction = 'verify' | 'publish';

export const impactReportStateMachine: Record<ImpactReportAction, { from: readonly ImpactReportState[]; to: ImpactReportState; permission: Permission; who: BondActor }> = {
  verify: { from: ['DRAFT'], to: 'VERIFIED', permission: 'bonds.review', who: 'reviewer' },
  publish: { from: ['VERIFIED'], to: 'PUBLISHED', permission: 'bonds.issue', who: 'issuer' },
};

export const reviewTypes = ['second_party_opinion', 'verification', 'certification', 'rating'] as const;
export type ReviewType = (typeof reviewTypes)[number];
export const standardsClaimed = ['china_gbp_2022', 'icma_gbp', 'climate_bonds_standard'] as const;
export type StandardClaimed = (typeof standardsClaimed)[number];
