import { Schema, type Connection } from 'mongoose';
import { transitionHistorySchema as historySchema } from '../transition-history.schema.js';
import { bondStates, impactReportStates } from '../../domain/bonds/bond-state-machine.js';

// A green bond: framework, projects, external review, terms and the proceeds ledger in one document,
// so every allocation is one atomic update of this document.
const bondSchema = new Schema(
  {
    /** One of the two issues the bond: an enterprise (subject) or a bank (institution, a green financial bond). */
    issuerSubjectId: { type: String, default: null },
    issuerInstitutionId: { type: String, default: null },
    reviewerInstitutionId: { type: String, default: null },
    name: { type: String, required: true },
    state: { type: String, required: true, enum: bondStates },
    stateSince: { type: Date, required: true },
    framework: { type: Schema.Types.Mixed, required: true },
    projects: { type: [Schema.Types.Mixed], default: [] },
    review: { type: Schema.Types.Mixed, default: null },
    terms: { type: Schema.Types.Mixed, default: null },
    issueDate: { type: String, default: null },
    maturityDate: { type: String, default: null },
    /** Integer fen. */
    proceedsFen: { type: Number, default: 0 },
    committedFen: { type: Number, default: 0 },
    allocatedFen: { type: Number, default: 0 },
    allocations: { type: [Schema.Types.Mixed], default: [] },
    linkedLoans: { type: [Schema.Types.Mixed], default: [] },
    delabelling: { type: Schema.Types.Mixed, default: null },
    createdBy: { type: String, required: true },
    idempotencyKey: { type: String, required: true },
    history: { type: [historySchema], default: [] },
  },
  { timestamps: true, collection: 'bonds', minimize: false },
);
// The issuer's bonds, newest first (an enterprise's; a bank's).
bondSchema.index({ issuerSubjectId: 1, createdAt: -1 });
bondSchema.index({ issuerInstitutionId: 1, createdAt: -1 });
// Creating a bond with an Idempotency-Key: the same key of the same issuer (enterprise or bank) gives the first draft.
bondSchema.index({ issuerSubjectId: 1, issuerInstitutionId: 1, idempotencyKey: 1 }, { unique: true });
// The reviewer's queue by state (EXTERNAL_REVIEW_PENDING first), and the regulator's lists by state.
bondSchema.index({ reviewerInstitutionId: 1, state: 1, stateSince: 1 });
bondSchema.index({ state: 1 });
// Document access: the assigned reviewer reads documents attached to the bond.
bondSchema.index({ 'review.document.id': 1 });

// The annual allocation and impact report of a bond (DRAFT → VERIFIED → PUBLISHED).
const impactReportSchema = new Schema(
  {
    bondId: { type: String, required: true },
    issuerSubjectId: { type: String, default: null },
    issuerInstitutionId: { type: String, default: null },
    reviewerInstitutionId: { type: String, default: null },
    year: { type: Number, required: true },
    state: { type: String, required: true, enum: impactReportStates },
    stateSince: { type: Date, required: true },
    allocation: { type: Schema.Types.Mixed, required: true },
    projects: { type: [Schema.Types.Mixed], default: [] },
    totals: { type: Schema.Types.Mixed, default: {} },
    narrative: { type: String, default: '' },
    verification: { type: Schema.Types.Mixed, default: null },
    publishedAt: { type: Date, default: null },
    history: { type: [historySchema], default: [] },
  },
  { timestamps: true, collection: 'bond_impact_reports', minimize: false },
);
// One report per bond and year (a second draft for the same year is refused); the bond's reports by year.
impactReportSchema.index({ bondId: 1, year: 1 }, { unique: true });
// The issuer's reports, and the reviewer's verification queue by state.
impactReportSchema.index({ issuerSubjectId: 1, state: 1 });
impactReportSchema.index({ issuerInstitutionId: 1, state: 1 });
impactReportSchema.index({ reviewerInstitutionId: 1, state: 1 });

const buildBond = (c: Connection) => c.model('Bond', bondSchema);
const buildReport = (c: Connection) => c.model('BondImpactReport', impactReportSchema);

export function bondModel(c: Connection): ReturnType<typeof buildBond> {
  return (c.models['Bond'] as ReturnType<typeof buildBond> | undefined) ?? buildBond(c);
}
export function impactReportModel(c: Connection): ReturnType<typeof buildReport> {
  return (c.models['BondImpactReport'] as ReturnType<typeof buildReport> | undefined) ?? buildReport(c);
}
