import { Schema, type Connection } from 'mongoose';
import { gepRunStates } from '../../domain/gep/gep-run-state-machine.js';

// A GEP accounting run for a region and year, one version of it: the inputs, the configuration
// version and the computed result. Published versions are never changed again (the only later write
// marks a version SUPERSEDED when its correction is published).
const gepRunSchema = new Schema(
  {
    institutionId: { type: String, required: true },
    region: { type: String, required: true },
    year: { type: Number, required: true },
    version: { type: Number, required: true },
    correctsRunId: { type: String, default: null },
    changeNote: { type: String, default: null },
    state: { type: String, required: true, enum: gepRunStates },
    stateSince: { type: Date, required: true },
    preparedBy: { type: Schema.Types.Mixed, required: true },
    reviewedBy: { type: Schema.Types.Mixed, default: null },
    reviewNote: { type: String, default: null },
    publishedBy: { type: Schema.Types.Mixed, default: null },
    publishedAt: { type: Date, default: null },
    supersededBy: { type: String, default: null },
    /** Intent of a correction's publication (two documents): set first, cleared when the correction is PUBLISHED or the step is undone. */
    publishing: { type: Schema.Types.Mixed, default: null },
    inputs: { type: Schema.Types.Mixed, required: true },
    configVersion: { type: String, required: true },
    result: { type: Schema.Types.Mixed, required: true },
    previousRunId: { type: String, default: null },
    change: { type: Schema.Types.Mixed, default: null },
    history: { type: [Schema.Types.Mixed], default: [] },
  },
  { timestamps: true, collection: 'gep_runs', minimize: false },
);
// One document per region, year and version (a second version 1 is refused).
gepRunSchema.index({ region: 1, year: 1, version: 1 }, { unique: true });
// Recovery: corrections whose publication was interrupted (intent recorded, not finished).
gepRunSchema.index({ 'publishing.at': 1 }, { partialFilterExpression: { 'publishing.at': { $exists: true } } });
// The public page: published runs by region and year.
gepRunSchema.index({ state: 1, region: 1, year: -1 });
// A preparer institution's runs, newest first.
gepRunSchema.index({ institutionId: 1, createdAt: -1 });
// Asset registry link: the published runs naming a GEP site.
gepRunSchema.index({ 'inputs.siteCodes': 1 });

const build = (c: Connection) => c.model('GepRun', gepRunSchema);
export function gepRunModel(c: Connection): ReturnType<typeof build> {
  return (c.models['GepRun'] as ReturnType<typeof build> | undefined) ?? build(c);
}
