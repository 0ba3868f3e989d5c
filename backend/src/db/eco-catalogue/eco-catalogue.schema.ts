import { Schema, type Connection } from 'mongoose';

export const ecosystems = ['forest', 'grassland', 'wetland', 'desert', 'farmland', 'water', 'glacier'] as const;
export const productCategories = ['material_products', 'regulating_services', 'cultural_services'] as const;
export const alertKinds = ['below_threshold', 'yoy_drop'] as const;

// One entry of the ecological product catalogue (目录清单): a product or service of an ecosystem in a
// region, its physical-quantity indicator with unit, the responsible department and data source.
// The keeping institution (GEP preparer's) writes it; a monitoring-data provider institution feeds it.
const entrySchema = new Schema(
  {
    institutionId: { type: String, required: true },
    providerInstitutionId: { type: String, default: null },
    region: { type: String, required: true },
    regionLevel: { type: String, required: true, enum: ['prefecture', 'county'] },
    ecosystem: { type: String, required: true, enum: ecosystems },
    product: { type: String, required: true },
    category: { type: String, required: true, enum: productCategories },
    indicator: { type: String, required: true },
    unit: { type: String, required: true },
    department: { type: String, required: true },
    dataSource: { type: String, required: true },
    /** GEP service code the indicator's quantity feeds (optional). */
    gepService: { type: String, default: null },
    /** Alert thresholds: a quantity below `min` (decimal text), a year-on-year drop above `maxDropShare` (decimal, 0.2 = 20 %). */
    thresholds: { type: Schema.Types.Mixed, default: () => ({ min: null, maxDropShare: null }) },
    createdBy: { type: String, required: true },
  },
  { timestamps: true, collection: 'eco_catalogue_entries', minimize: false },
);
// The catalogue by region and ecosystem (list page filters).
entrySchema.index({ region: 1, ecosystem: 1 });
// One indicator per product and region: a second identical entry is a duplicate.
entrySchema.index({ region: 1, product: 1, indicator: 1 }, { unique: true });
// A provider's entries (its import targets).
entrySchema.index({ providerInstitutionId: 1 });

// One monitoring observation of an entry's indicator.
const observationSchema = new Schema(
  {
    entryId: { type: String, required: true },
    date: { type: String, required: true },
    /** Decimal text in the entry's unit. */
    value: { type: String, required: true },
    unit: { type: String, required: true },
    source: { type: String, required: true },
    importedBy: { type: String, required: true },
  },
  { timestamps: true, collection: 'eco_monitoring_observations' },
);
// The series of an entry in date order; one value per entry and date.
observationSchema.index({ entryId: 1, date: 1 }, { unique: true });

// An alert raised by an observation: below the threshold, or a year-on-year drop beyond the share.
const alertSchema = new Schema(
  {
    entryId: { type: String, required: true },
    region: { type: String, required: true },
    kind: { type: String, required: true, enum: alertKinds },
    date: { type: String, required: true },
    value: { type: String, required: true },
    /** The threshold (below_threshold) or the value a year earlier (yoy_drop). */
    reference: { type: String, required: true },
    /** The drop as a share with 4 decimals (yoy_drop), else null. */
    dropShare: { type: String, default: null },
  },
  { timestamps: true, collection: 'eco_monitoring_alerts' },
);
// One alert per entry, kind and date (re-importing the same series raises nothing new).
alertSchema.index({ entryId: 1, kind: 1, date: 1 }, { unique: true });
// The alert list, newest first, by region.
alertSchema.index({ region: 1, date: -1 });

const build = (c: Connection) => ({
  entries: c.model('EcoCatalogueEntry', entrySchema),
  observations: c.model('EcoMonitoringObservation', observationSchema),
  alerts: c.model('EcoMonitoringAlert', alertSchema),
});
export type EcoCatalogueModels = ReturnType<typeof build>;

export function ecoCatalogueModels(c: Connection): EcoCatalogueModels {
  if (c.models['EcoCatalogueEntry']) return { entries: c.models['EcoCatalogueEntry'], observations: c.models['EcoMonitoringObservation'], alerts: c.models['EcoMonitoringAlert'] } as EcoCatalogueModels;
  return build(c);
}
