import { Schema, type Connection } from 'mongoose';

export const certificationSchemes = ['xinjiang_quality', 'national_eco_product', 'organic', 'green_food', 'geographical_indication'] as const;
export const certificateStates = ['ACTIVE', 'REVOKED'] as const;

// A certification body's certificate for a producer's product ("新疆品质", national ecological
// product, organic…). Expiry is derived from validUntil at read time; revocation is a state.
const certificateSchema = new Schema(
  {
    certificateNumber: { type: String, required: true },
    scheme: { type: String, required: true, enum: certificationSchemes },
    certifierInstitutionId: { type: String, required: true },
    producerSubjectId: { type: String, required: true },
    productName: { type: String, required: true },
    scope: { type: String, required: true },
    validFrom: { type: String, required: true },
    validUntil: { type: String, required: true },
    documents: { type: [{ _id: false, id: String, filename: String, sha256: String }], default: [] },
    state: { type: String, required: true, enum: certificateStates },
    revocation: { type: Schema.Types.Mixed, default: null },
    issuedBy: { type: Schema.Types.Mixed, required: true },
  },
  { timestamps: true, collection: 'product_certificates', minimize: false },
);
// Issuing refuses a second certificate with the same number; the public lookup reads it by number.
certificateSchema.index({ certificateNumber: 1 }, { unique: true });
// The certifier's list of its own certificates, newest first.
certificateSchema.index({ certifierInstitutionId: 1, createdAt: -1 });
// The producer's list of its certificates (and the check that a batch's certificate is its own).
certificateSchema.index({ producerSubjectId: 1, createdAt: -1 });

const build = (connection: Connection) => connection.model('ProductCertificate', certificateSchema);
export function productCertificateModel(connection: Connection): ReturnType<typeof build> {
  return (connection.models['ProductCertificate'] as ReturnType<typeof build> | undefined) ?? build(connection);
}
