import { Schema, type Connection } from 'mongoose';
import { poolStates } from '../../domain/securitisation/pool-state-machine.js';

// One securitised loan pool of an originating bank: selection, statistics, structure, review,
// issue and the monthly servicer reports. Every workflow step is one compare-and-set on `state`.
const poolSchema = new Schema(
  {
    institutionId: { type: String, required: true },
    name: { type: String, required: true },
    state: { type: String, required: true, enum: poolStates },
    stateSince: { type: Date, required: true },
    createdBy: { type: Schema.Types.Mixed, required: true },
    criteria: { type: Schema.Types.Mixed, default: {} },
    loanIds: { type: [String], default: [] },
    pendingSelection: { type: Schema.Types.Mixed, default: null },
    eligibility: { type: Schema.Types.Mixed, default: null },
    statistics: { type: Schema.Types.Mixed, default: null },
    structure: { type: Schema.Types.Mixed, default: null },
    review: { type: Schema.Types.Mixed, default: null },
    issue: { type: Schema.Types.Mixed, default: null },
    trancheBalances: { type: Schema.Types.Mixed, default: {} },
    servicerReports: { type: [Schema.Types.Mixed], default: [] },
    /** At redemption: the tranche balances left unpaid (holders' losses, bottom-up), if any. */
    redemption: { type: Schema.Types.Mixed, default: null },
    configVersion: { type: String, required: true },
    history: { type: [Schema.Types.Mixed], default: [] },
  },
  { timestamps: true, collection: 'securitisation_pools', minimize: false },
);
// The originator's pools, newest first.
poolSchema.index({ institutionId: 1, createdAt: -1 });
// The reviewer's queue: pools whose structure names its institution.
poolSchema.index({ 'structure.reviewerInstitutionId': 1, state: 1 });
// The selection recovery job: pools whose pending selection was recorded before a moment.
poolSchema.index({ 'pendingSelection.at': 1 }, { partialFilterExpression: { 'pendingSelection.at': { $exists: true } } });
// Platform readers: pools by state (issued and later).
poolSchema.index({ state: 1, createdAt: -1 });

const build = (connection: Connection) => connection.model('SecuritisationPool', poolSchema);

export function poolModel(connection: Connection): ReturnType<typeof build> {
  return (connection.models['SecuritisationPool'] as ReturnType<typeof build> | undefined) ?? build(connection);
}
