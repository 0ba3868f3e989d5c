import { Schema, type Connection } from 'mongoose';

export const tradeOrderStates = ['AWAITING_CONSENT', 'OPEN', 'FILLED', 'CANCELLED'] as const;

// One offer (sell or lease a registered right) or bid (buy) in a market: whole units, a limit price
// in fen per unit and the unfilled remainder, decremented only by conditional $inc (never below 0).
const tradeOrderSchema = new Schema(
  {
    side: { type: String, required: true, enum: ['buy', 'sell'] },
    market: { type: String, required: true },
    assetType: { type: String, required: true },
    priceReference: { type: String, required: true },
    kind: { type: String, required: true, enum: ['sale', 'lease'] },
    leasePeriod: { type: Schema.Types.Mixed, default: null },
    ownerSubjectId: { type: String, required: true },
    assetId: { type: String, default: null },
    priceFen: { type: Number, required: true },
    quantity: { type: Number, required: true },
    remaining: { type: Number, required: true },
    lot: { type: Number, required: true },
    configVersion: { type: String, required: true },
    state: { type: String, required: true, enum: tradeOrderStates },
    consent: { type: Schema.Types.Mixed, default: null },
    placedAt: { type: Date, required: true },
    placedBy: { type: Schema.Types.Mixed, required: true },
    idempotencyKey: { type: String, required: true },
  },
  { timestamps: true, collection: 'trade_orders', minimize: false },
);
// The order book: open orders of one market and side, best price then earliest first.
tradeOrderSchema.index({ market: 1, side: 1, state: 1, priceFen: 1, placedAt: 1 });
// A participant's own orders, newest first.
tradeOrderSchema.index({ ownerSubjectId: 1, createdAt: -1 });
// Placing an order with an Idempotency-Key: a repeat returns the first order.
tradeOrderSchema.index({ ownerSubjectId: 1, idempotencyKey: 1 }, { unique: true });
// The pledgee bank's consent queue.
tradeOrderSchema.index({ 'consent.institutionId': 1, state: 1 });

const build = (connection: Connection) => connection.model('TradeOrder', tradeOrderSchema);
export function tradeOrderModel(connection: Connection): ReturnType<typeof build> {
  return (connection.models['TradeOrder'] as ReturnType<typeof build> | undefined) ?? build(connection);
}
