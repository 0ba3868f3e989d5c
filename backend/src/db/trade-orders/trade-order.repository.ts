import { Types, type Connection } from 'mongoose';
import type { Page, PageRequest } from '../page.js';
import { isDuplicateKey, isObjectId, objectId, withId } from '../plain.js';
import { tradeOrderModel, type tradeOrderStates } from './trade-order.schema.js';

export type TradeOrderState = (typeof tradeOrderStates)[number];

export interface TradeOrder {
  id: string;
  side: 'buy' | 'sell';
  market: string;
  assetType: string;
  priceReference: string;
  kind: 'sale' | 'lease';
  leasePeriod: { from: string; to: string } | null;
  ownerSubjectId: string;
  assetId: string | null;
  priceFen: number;
  quantity: number;
  remaining: number;
  lot: number;
  /** Version of the trading configuration (minimum lots) the order was placed under. */
  configVersion: string;
  state: TradeOrderState;
  /** The pledgee bank's consent step (a pledged or frozen right): which bank, asked when, decided how. */
  consent: { institutionId: string; decision: 'pending' | 'consented' | 'refused'; by?: { userId: string; username: string }; at?: Date; note?: string } | null;
  placedAt: Date;
  placedBy: { userId: string; username: string };
  idempotencyKey: string;
  createdAt: Date;
}

export type NewTradeOrder = Omit<TradeOrder, 'id' | 'remaining' | 'createdAt' | 'idempotencyKey'> & { idempotencyKey?: string | undefined };

/** A participant's own orders, a bank's consent requests, or all (platform readers). */
export type OrderScope = { kind: 'owner'; subjectId: string } | { kind: 'consent'; institutionId: string } | { kind: 'all' };

const scopeFilter = (scope: OrderScope): Record<string, unknown> =>
  scope.kind === 'owner' ? { ownerSubjectId: scope.subjectId } : scope.kind === 'consent' ? { 'consent.institutionId': scope.institutionId } : {};
const toOrder = (doc: unknown): TradeOrder => withId(doc as { _id: unknown }) as unknown as TradeOrder;

export class TradeOrderRepository {
  private readonly model;

  constructor(connection: Connection) {
    this.model = tradeOrderModel(connection);
  }

  async insert(data: NewTradeOrder): Promise<{ order: TradeOrder; created: boolean }> {
    const idempotencyKey = data.idempotencyKey ?? `auto:${new Types.ObjectId().toHexString()}`;
    try {
      return { order: toOrder((await this.model.create({ ...data, idempotencyKey, remaining: data.quantity })).toObject()), created: true };
    } catch (e) {
      if (!isDuplicateKey(e) || !data.idempotencyKey) throw e;
      return { order: toOrder(await this.model.findOne({ ownerSubjectId: data.ownerSubjectId, idempotencyKey }).lean()), created: false };
    }
  }

  async find(scope: OrderScope, id: string): Promise<TradeOrder | undefined> {
    if (!isObjectId(id)) return undefined;
    const doc = await this.model.findOne({ ...scopeFilter(scope), _id: objectId(id) }).lean();
    return doc ? toOrder(doc) : undefined;
  }

  async list(scope: OrderScope, filter: { state?: TradeOrderState | undefined; market?: string | undefined }, page: PageRequest): Promise<Page<TradeOrder>> {
    const query: Record<string, unknown> = { ...scopeFilter(scope) };
    if (filter.state) query['state'] = filter.state;
    if (filter.market) query['market'] = filter.market;
    const [docs, total] = await Promise.all([
      this.model.find(query).sort({ createdAt: -1, _id: -1 }).skip(page.offset).limit(page.limit).lean(),
      this.model.countDocuments(query),
    ]);
    return { items: docs.map(toOrder), total };
  }

  /** The open orders of one market and side with something left (the book is public within the market). */
  async book(market: string, side: 'buy' | 'sell'): Promise<TradeOrder[]> {
    const docs = await this.model.find({ market, side, state: 'OPEN', remaining: { $gt: 0 } }).sort({ priceFen: side === 'sell' ? 1 : -1, placedAt: 1 }).limit(500).lean();
    return docs.map(toOrder);
  }

  /** Takes `quantity` off an open order only while that much is left: of concurrent takers of the last lot, one wins. */
  async take(id: string, quantity: number): Promise<TradeOrder | undefined> {
    const doc = await this.model.findOneAndUpdate({ _id: objectId(id), state: 'OPEN', remaining: { $gte: quantity } }, { $inc: { remaining: -quantity } }, { returnDocument: 'after' }).lean();
    return doc ? toOrder(doc) : undefined;
  }

  /** Gives quantity back (the other side of a fill was gone, or its settlement failed). */
  async giveBack(id: string, quantity: number): Promise<void> {
    await this.model.updateOne({ _id: objectId(id), state: { $in: ['OPEN', 'FILLED'] } }, { $inc: { remaining: quantity }, $set: { state: 'OPEN' } });
  }

  /** OPEN with nothing left → FILLED. */
  async markFilled(id: string): Promise<void> {
    await this.model.updateOne({ _id: objectId(id), state: 'OPEN', remaining: 0 }, { $set: { state: 'FILLED' } });
  }

  /** Compare-and-set on the state, within the scope (owner cancels, bank decides consent). */
  async transition(scope: OrderScope, id: string, from: readonly TradeOrderState[], set: Record<string, unknown>): Promise<TradeOrder | undefined> {
    if (!isObjectId(id)) return undefined;
    const doc = await this.model.findOneAndUpdate({ ...scopeFilter(scope), _id: objectId(id), state: { $in: [...from] } }, { $set: set }, { returnDocument: 'after' }).lean();
    return doc ? toOrder(doc) : undefined;
  }
}
