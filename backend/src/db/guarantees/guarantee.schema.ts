import { Schema, type Connection } from 'mongoose';
import { transitionHistorySchema as historySchema } from '../transition-history.schema.js';
import { guaranteeStates } from '../../domain/guarantees/guarantee-state-machine.js';

// One guarantee of one bank loan by one guarantor. Amounts integer fen (Number holding safe integers).
const guaranteeSchema = new Schema(
  {
    institutionId: { type: String, required: true },
    bankId: { type: String, required: true },
    reguarantorId: { type: String, default: null },
    loanId: { type: String, required: true },
    subjectId: { type: String, required: true },
    state: { type: String, required: true, enum: guaranteeStates },
    stateSince: { type: Date, required: true },
    open: { type: Boolean, required: true },
    /** The loan id while the guarantee is open; `<loanId>#<guaranteeId>` once finished (one open guarantee per loan, a plain unique index). */
    openLoanKey: { type: String, required: true },
    amountFen: { type: Number, required: true, validate: Number.isSafeInteger },
    termDays: { type: Number, required: true },
    requestNote: { type: String, default: '' },
    loan: { type: Schema.Types.Mixed, required: true },
    requestedBy: { type: Schema.Types.Mixed, required: true },
    recommendation: { type: Schema.Types.Mixed, default: null },
    decision: { type: Schema.Types.Mixed, default: null },
    counterGuarantee: { type: Schema.Types.Mixed, default: null },
    letter: { type: Schema.Types.Mixed, default: null },
    inForceAt: { type: Date, default: null },
    releasedAt: { type: Date, default: null },
    defaultNotice: { type: Schema.Types.Mixed, default: null },
    claim: { type: Schema.Types.Mixed, default: null },
    compensation: { type: Schema.Types.Mixed, default: null },
    reguaranteeClaim: { type: Schema.Types.Mixed, default: null },
    recoveries: { type: [Schema.Types.Mixed], default: [] },
    recoveredFen: { type: Number, default: 0 },
    closure: { type: Schema.Types.Mixed, default: null },
    pendingStep: { type: Schema.Types.Mixed, default: null },
    rulesVersion: { type: String, required: true },
    history: { type: [historySchema], default: [] },
  },
  { timestamps: true, collection: 'guarantees', minimize: false },
);
// One open guarantee per loan: a second request for the same loan is refused by the database; the guarantee's own lookup by loan.
guaranteeSchema.index({ openLoanKey: 1 }, { unique: true });
// The guarantor's queue by state, oldest first (SLA ages), and its capacity sums by state.
guaranteeSchema.index({ institutionId: 1, state: 1, stateSince: 1 });
// Capacity: one obligor's outstanding guarantees at a guarantor.
guaranteeSchema.index({ institutionId: 1, subjectId: 1, state: 1 });
// A bank's own requests, newest first.
guaranteeSchema.index({ bankId: 1, createdAt: -1 });
// The re-guarantor's view of the re-guarantee claims filed with it.
guaranteeSchema.index({ reguarantorId: 1, state: 1 });
// The default hook and the release run: the guarantee of a loan.
guaranteeSchema.index({ loanId: 1, state: 1 });
// The recovery job: guarantees with a cross-document step in progress.
guaranteeSchema.index({ 'pendingStep.kind': 1 }, { partialFilterExpression: { pendingStep: { $type: 'object' } } });

// A guarantor's figures the rules need (net assets, the small-business/agriculture flag), kept by the guarantee area.
const profileSchema = new Schema(
  {
    institutionId: { type: String, required: true },
    netAssetsFen: { type: Number, required: true, validate: Number.isSafeInteger },
    mainlySmallBusinessAgriculture: { type: Boolean, required: true },
    reguarantorId: { type: String, default: null },
    approverLevels: { type: Schema.Types.Mixed, default: {} },
    version: { type: Number, required: true },
    updatedBy: { type: String, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'guarantee_institution_profiles', minimize: false },
);
// One profile per institution (the profile is read and replaced by institution id).
profileSchema.index({ institutionId: 1 }, { unique: true });

const buildGuarantee = (c: Connection) => c.model('Guarantee', guaranteeSchema);
const buildProfile = (c: Connection) => c.model('GuarantorProfile', profileSchema);

export function guaranteeModel(c: Connection): ReturnType<typeof buildGuarantee> {
  return (c.models['Guarantee'] as ReturnType<typeof buildGuarantee> | undefined) ?? buildGuarantee(c);
}
export function guarantorProfileModel(c: Connection): ReturnType<typeof buildProfile> {
  return (c.models['GuarantorProfile'] as ReturnType<typeof buildProfile> | undefined) ?? buildProfile(c);
}
