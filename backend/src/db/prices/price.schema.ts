import { Schema, type Connection } from 'mongoose';

// One market price observation per reference and date, in integer fen per unit.
const priceSchema = new Schema(
  {
    reference: { type: String, required: true },
    date: { type: String, required: true },
    priceFen: { type: Number, required: true },
    unit: { type: String, required: true },
    source: { type: String, required: true },
    recordedBy: { type: String, required: true },
    recordedAt: { type: Date, required: true },
  },
  { collection: 'prices', versionKey: false },
);
// One observation per reference and day (re-imports are idempotent); also a series in date order
// and the latest price of a reference.
priceSchema.index({ reference: 1, date: 1 }, { unique: true });

const build = (connection: Connection) => connection.model('Price', priceSchema);

/** The model on this connection (registered once per connection). */
export function priceModel(connection: Connection): ReturnType<typeof build> {
  return (connection.models['Price'] as ReturnType<typeof build> | undefined) ?? build(connection);
}
