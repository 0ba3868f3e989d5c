import { Schema, type Connection, type InferSchemaType } from 'mongoose';

export const institutionTypes = ['bank', 'guarantee_institution', 'external_reviewer', 'regulator', 'platform_operator', 'data_partner', 'certifier', 'supply_chain', 'environmental_authority', 'government'] as const;
export type InstitutionType = (typeof institutionTypes)[number];

const institutionSchema = new Schema(
  {
    name: { type: String, required: true },
    nameEn: { type: String },
    type: { type: String, required: true, enum: institutionTypes },
    region: { type: String, required: true },
    code: { type: String, required: true },
  },
  { timestamps: true, collection: 'institutions' },
);
// Registration refuses a second institution with the same code (unified social credit code).
institutionSchema.index({ code: 1 }, { unique: true });
// Admin list: institutions of one type, newest first.
institutionSchema.index({ type: 1, createdAt: -1 });

export type InstitutionDoc = InferSchemaType<typeof institutionSchema>;

const build = (connection: Connection) => connection.model('Institution', institutionSchema);

/** The model on this connection (registered once per connection). */
export function institutionModel(connection: Connection): ReturnType<typeof build> {
  return (connection.models['Institution'] as ReturnType<typeof build> | undefined) ?? build(connection);
}
