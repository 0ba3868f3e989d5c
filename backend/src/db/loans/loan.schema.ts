import { Schema, type Connection } from 'mongoose';
import { transitionHistorySchema as historySchema } from '../transition-history.schema.js';
import { applicationStates, loanStates } from '../../domain/loans/loan-state-machine.js';

// The applicant's request: what is asked for, which assets secure it, which banks it goes to.
const applicationSchema = new Schema(
  {
    subjectId: { type: String, required: true },
    state: { type: String, required: true, enum: applicationStates },
    /** A draft may leave any of these open; submission checks completeness. */
    amountFen: { type: Number, default: null },
    termMonths: { type: Number, default: null },
    purpose: { type: String, default: null },
    taxonomyCode: { type: String, default: null },
    repaymentMethod: { type: String, default: null },
    frequency: { type: String, default: null },
    assetIds: { type: [String], default: [] },
    documents: { type: [{ _id: false, id: String, filename: String, sha256: String }], default: [] },
    bankIds: { type: [String], default: [] },
    prescreen: { type: Schema.Types.Mixed, default: null },
    acceptedLoanId: { type: String, default: null },
    createdBy: { type: String, required: true },
    /** The creating request's Idempotency-Key, or a generated one (unique per applicant either way). */
    idempotencyKey: { type: String, required: true },
    submittedAt: { type: Date, default: null },
    history: { type: [historySchema], default: [] },
  },
  { timestamps: true, collection: 'loan_applications', minimize: false },
);
// The applicant's list of applications, newest first.
applicationSchema.index({ subjectId: 1, createdAt: -1 });
// Creating an application with an Idempotency-Key: the same key of the same applicant gives the first draft.
applicationSchema.index({ subjectId: 1, idempotencyKey: 1 }, { unique: true });
// Document access grants: a bank reading a document attached to an application made to it.
applicationSchema.index({ subjectId: 1, 'documents.id': 1 });
// Recovery job: applications whose acceptance step was interrupted.
applicationSchema.index({ state: 1, acceptedLoanId: 1 });

// One bank's side of an application: its review, offer, and — when accepted — the loan itself.
const loanSchema = new Schema(
  {
    applicationId: { type: String, required: true },
    institutionId: { type: String, required: true },
    subjectId: { type: String, required: true },
    state: { type: String, required: true, enum: loanStates },
    stateSince: { type: Date, required: true },
    submittedAt: { type: Date, required: true },
    amountFen: { type: Number, required: true },
    termMonths: { type: Number, required: true },
    purpose: { type: String, required: true },
    taxonomyCode: { type: String, required: true },
    repaymentMethod: { type: String, required: true },
    frequency: { type: String, required: true },
    assetIds: { type: [String], default: [] },
    guaranteeRequired: { type: Boolean, default: false },
    guaranteeId: { type: String, default: null },
    /** The bank's green financial bond financing this loan (one at a time: set by compare-and-set from null). */
    greenBondId: { type: String, default: null },
    /** The link attempt that set greenBondId (its clean-up clears only its own mark), and when. */
    greenBondLink: { type: Schema.Types.Mixed, default: null },
    greenAssessment: { type: Schema.Types.Mixed, default: null },
    infoRequests: { type: [Schema.Types.Mixed], default: [] },
    recommendation: { type: Schema.Types.Mixed, default: null },
    decision: { type: Schema.Types.Mixed, default: null },
    rejection: { type: Schema.Types.Mixed, default: null },
    /** A cross-document step in progress (pledge at disbursement, release at closure): finished or undone by recovery. */
    pendingStep: { type: Schema.Types.Mixed, default: null },
    pledgedAssetIds: { type: [String], default: [] },
    disbursedAt: { type: Date, default: null },
    schedule: { type: Schema.Types.Mixed, default: null },
    repaymentState: { type: Schema.Types.Mixed, default: null },
    outstanding: { type: Schema.Types.Mixed, default: null },
    repayments: { type: [Schema.Types.Mixed], default: [] },
    /** Bumped by every repayment: the compare-and-set guard against two recordings racing. */
    repaymentSeq: { type: Number, default: 0 },
    disposals: { type: [Schema.Types.Mixed], default: [] },
    closedAt: { type: Date, default: null },
    /** The securitisation pool this loan is in (issue 14): set only while null, so a loan sits in at most one pool. */
    securitisationPoolId: { type: String, default: null },
    history: { type: [historySchema], default: [] },
  },
  { timestamps: true, collection: 'loans', minimize: false },
);
// One review per application and bank.
loanSchema.index({ applicationId: 1, institutionId: 1 }, { unique: true });
// A bank's queue by state, oldest first (SLA ages).
loanSchema.index({ institutionId: 1, state: 1, stateSince: 1 });
// The applicant's loans, and a bank's relationship with an applicant (score visibility).
loanSchema.index({ subjectId: 1, institutionId: 1 });
// A bank's relationship with an offered asset (asset visibility).
loanSchema.index({ assetIds: 1, institutionId: 1 });
// The overdue job and the recovery job: lent loans by state, loans with a step in progress.
loanSchema.index({ state: 1 });
// The recovery of bond links: loans marked as linked to a green financial bond.
loanSchema.index({ greenBondId: 1 }, { partialFilterExpression: { greenBondId: { $type: 'string' } } });
loanSchema.index({ 'pendingStep.kind': 1 }, { partialFilterExpression: { pendingStep: { $type: 'object' } } });
// A securitisation pool's loans (servicer reports, releasing a cancelled pool's loans).
loanSchema.index({ securitisationPoolId: 1 }, { partialFilterExpression: { securitisationPoolId: { $type: 'string' } } });

// Approval limits of a bank: each version is kept (the decision records the version it used).
const approvalLimitsSchema = new Schema(
  {
    institutionId: { type: String, required: true },
    version: { type: Number, required: true },
    tiers: { type: [Schema.Types.Mixed], required: true },
    defaultLevel: { type: String, required: true },
    approverLevels: { type: Schema.Types.Mixed, default: {} },
    source: { type: String, required: true },
    createdBy: { type: String, required: true },
  },
  { timestamps: true, collection: 'loan_approval_limits', minimize: false },
);
// The current version of a bank's limits (highest version), and one row per version.
approvalLimitsSchema.index({ institutionId: 1, version: -1 }, { unique: true });

const buildApplication = (c: Connection) => c.model('LoanApplication', applicationSchema);
const buildLoan = (c: Connection) => c.model('Loan', loanSchema);
const buildLimits = (c: Connection) => c.model('LoanApprovalLimits', approvalLimitsSchema);

export function loanApplicationModel(c: Connection): ReturnType<typeof buildApplication> {
  return (c.models['LoanApplication'] as ReturnType<typeof buildApplication> | undefined) ?? buildApplication(c);
}
export function loanModel(c: Connection): ReturnType<typeof buildLoan> {
  return (c.models['Loan'] as ReturnType<typeof buildLoan> | undefined) ?? buildLoan(c);
}
export function approvalLimitsModel(c: Connection): ReturnType<typeof buildLimits> {
  return (c.models['LoanApprovalLimits'] as ReturnType<typeof buildLimits> | undefined) ?? buildLimits(c);
}
