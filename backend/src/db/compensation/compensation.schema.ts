import { Schema, type Connection } from 'mongoose';
import { settlementStates } from '../../domain/compensation/settlement-state-machine.js';

// An agreement between the upstream and the downstream government of a pilot basin for a period:
// pool contributions and assessment rules (validated by schemas/compensation/agreement-terms.schema.json).
const agreementSchema = new Schema(
  {
    basinCode: { type: String, required: true },
    upstreamInstitutionId: { type: String, required: true },
    downstreamInstitutionId: { type: String, required: true },
    title: { type: String, required: true },
    periodFrom: { type: String, required: true },
    periodTo: { type: String, required: true },
    terms: { type: Schema.Types.Mixed, required: true },
    objectionWindowDays: { type: Number, required: true },
    createdBy: { type: String, required: true },
  },
  { timestamps: true, collection: 'compensation_agreements', minimize: false },
);
// A government user's agreements: those where its institution is the upstream or the downstream party.
agreementSchema.index({ upstreamInstitutionId: 1 });
agreementSchema.index({ downstreamInstitutionId: 1 });
// Agreements of a basin over time.
agreementSchema.index({ basinCode: 1, periodFrom: 1 });

// A settlement run of one agreement for one period: the monitoring data, the line-by-line result and
// both parties' confirmations (or an objection within the window).
const settlementSchema = new Schema(
  {
    agreementId: { type: String, required: true },
    basinCode: { type: String, required: true },
    upstreamInstitutionId: { type: String, required: true },
    downstreamInstitutionId: { type: String, required: true },
    period: { type: String, required: true },
    /** 1 for the first run of the period; an objected run may be followed by round 2, and so on. */
    round: { type: Number, required: true },
    monitoring: { type: Schema.Types.Mixed, required: true },
    result: { type: Schema.Types.Mixed, required: true },
    state: { type: String, required: true, enum: settlementStates },
    stateSince: { type: Date, required: true },
    objectionDeadline: { type: Date, required: true },
    confirmations: { type: Schema.Types.Mixed, default: () => ({ upstream: null, downstream: null }) },
    objection: { type: Schema.Types.Mixed, default: null },
    /** Set when the run became FINAL because the objection window closed without objection: when, and which parties had not confirmed. */
    deemedAcceptance: { type: Schema.Types.Mixed, default: null },
    createdBy: { type: String, required: true },
    history: { type: [Schema.Types.Mixed], default: [] },
  },
  { timestamps: true, collection: 'compensation_settlements', minimize: false },
);
// One run per agreement, period and round (two concurrent runs of the same round: the second is refused).
settlementSchema.index({ agreementId: 1, period: 1, round: 1 }, { unique: true });
// A party's settlements (government users see only their own).
settlementSchema.index({ upstreamInstitutionId: 1, state: 1 });
settlementSchema.index({ downstreamInstitutionId: 1, state: 1 });
// The deemed-acceptance job: pending runs whose objection window has closed.
settlementSchema.index({ state: 1, objectionDeadline: 1 });
// History per basin (chart of P and flow over time).
settlementSchema.index({ basinCode: 1, period: 1 });

const build = (c: Connection) => ({ agreements: c.model('CompensationAgreement', agreementSchema), settlements: c.model('CompensationSettlement', settlementSchema) });
export type CompensationModels = ReturnType<typeof build>;
export function compensationModels(c: Connection): CompensationModels {
  if (c.models['CompensationAgreement']) return { agreements: c.models['CompensationAgreement'], settlements: c.models['CompensationSettlement'] } as CompensationModels;
  return build(c);
}
