import { Schema, type Connection } from 'mongoose';
import { damageCaseStates, damageTypes } from '../../domain/damage/damage-state-machine.js';

// One ecological damage compensation case: the responsible subject, site, damage, assessment,
// agreement or judgment, payment plan and payments, restoration progress, and its review. One
// document, so each payment is one conditional update.
const damageCaseSchema = new Schema(
  {
    caseNumber: { type: String, required: true },
    authorityInstitutionId: { type: String, required: true },
    responsibleSubjectId: { type: String, required: true },
    site: { type: String, required: true },
    region: { type: String, required: true },
    damageType: { type: String, required: true, enum: damageTypes },
    description: { type: String, required: true },
    occurredOn: { type: String, required: true },
    assessment: { type: Schema.Types.Mixed, default: null },
    resolution: { type: Schema.Types.Mixed, default: null },
    totalDueFen: { type: Number, default: 0 },
    paidFen: { type: Number, default: 0 },
    payments: { type: [Schema.Types.Mixed], default: [] },
    restoration: { type: Schema.Types.Mixed, default: () => ({ progressPct: 0, updates: [] }) },
    state: { type: String, required: true, enum: damageCaseStates },
    stateSince: { type: Date, required: true },
    openedBy: { type: Schema.Types.Mixed, required: true },
    submittedBy: { type: Schema.Types.Mixed, default: null },
    review: { type: Schema.Types.Mixed, default: null },
    pointsEvent: { type: Schema.Types.Mixed, default: null },
    history: { type: [Schema.Types.Mixed], default: [] },
  },
  { timestamps: true, collection: 'damage_cases', minimize: false },
);
// Opening refuses a second case with the same number.
damageCaseSchema.index({ caseNumber: 1 }, { unique: true });
// The authority's cases by state (review queue: UNDER_REVIEW).
damageCaseSchema.index({ authorityInstitutionId: 1, state: 1, stateSince: 1 });
// A responsible subject's cases (its own view; a bank's view of an applicant).
damageCaseSchema.index({ responsibleSubjectId: 1, createdAt: -1 });

const build = (connection: Connection) => connection.model('DamageCase', damageCaseSchema);
export function damageCaseModel(connection: Connection): ReturnType<typeof build> {
  return (connection.models['DamageCase'] as ReturnType<typeof build> | undefined) ?? build(connection);
}
