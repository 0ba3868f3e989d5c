import { Schema, type Connection } from 'mongoose';

export const tradeStates = ['MATCHED', 'SETTLED', 'FAILED'] as const;

// One fill between an offer and a bid, and its settlement in the registry. The settlement key is
// unique: a trade is settled once, however often settlement is retried.
const tradeSchema = new Schema(
  {
    settlementKey: { type: String, required: true },
    market: { type: String, required: true },
    priceReference: { type: String, required: true },
    sellOrderId: { type: String, required: true },
    buyOrderId: { type: String, required: true },
    sellerSubjectId: { type: String, required: true },
    buyerSubjectId: { type: String, required: true },
    assetId: { type: String, required: true },
    kind: { type: String, required: true },
    quantity: { type: Number, required: true },
    priceFen: { type: Number, required: true },
    valueFen: { type: Number, required: true },
    period: { type: String, required: true },
    lot: { type: Number, required: true },
    configVersion: { type: String, required: true },
    state: { type: String, required: true, enum: tradeStates },
    matchedAt: { type: Date, required: true },
    settledAt: { type: Date, default: null },
    failure: { type: String, default: null },
  },
  { collection: 'trades', minimize: false },
);
// Idempotent settlement: one trade per settlement key.
tradeSchema.index({ settlementKey: 1 }, { unique: true });
// The volume-weighted price of a market per period (settled trades), and the market's trade list.
tradeSchema.index({ market: 1, state: 1, period: 1 });
// A participant's trades as seller or buyer.
tradeSchema.index({ sellerSubjectId: 1, matchedAt: -1 });
tradeSchema.index({ buyerSubjectId: 1, matchedAt: -1 });
// Recovery: trades left MATCHED by an interrupted request, oldest first (trading.recovery job).
tradeSchema.index({ state: 1, matchedAt: 1 });

const build = (connection: Connection) => connection.model('Trade', tradeSchema);
export function tradeModel(connection: Connection): ReturnType<typeof build> {
  return (connection.models['Trade'] as ReturnType<typeof build> | undefined) ?? build(connection);
}
