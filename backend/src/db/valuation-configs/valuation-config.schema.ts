import { Schema, type Connection } from 'mongoose';

// Versions of the valuation configuration; never changed once stored. The newest is in force.
const valuationConfigSchema = new Schema(
  {
    version: { type: String, required: true },
    /** The engine configuration as canonical JSON (stored whole, read back byte for byte). */
    configJson: { type: String, required: true },
    revaluation: { priceMoveThreshold: { type: Number, required: true } },
    createdBy: { type: String, required: true },
    createdAt: { type: Date, required: true },
  },
  { collection: 'valuation_configs', versionKey: false },
);
// A version is stored once; a valuation reads the version it records.
valuationConfigSchema.index({ version: 1 }, { unique: true });
// The version in force: the newest.
valuationConfigSchema.index({ createdAt: -1 });

const build = (connection: Connection) => connection.model('ValuationConfig', valuationConfigSchema);

/** The model on this connection (registered once per connection). */
export function valuationConfigModel(connection: Connection): ReturnType<typeof build> {
  return (connection.models['ValuationConfig'] as ReturnType<typeof build> | undefined) ?? build(connection);
}
