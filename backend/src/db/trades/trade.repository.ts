import type { Connection } from 'mongoose';
import type { Page, PageRequest } from '../page.js';
import { isDuplicateKey, isObjectId, objectId, withId } from '../plain.js';
import { tradeModel, type tradeStates } from './trade.schema.js';

export type TradeState = (typeof tradeStates)[number];

export interface Trade {
  id: string;
  settlementKey: string;
  market: string;
  priceReference: string;
  sellOrderId: string;
  buyOrderId: string;
  sellerSubjectId: string;
  buyerSubjectId: string;
  assetId: string;
  kind: 'sale' | 'lease';
  quantity: number;
  priceFen: number;
  valueFen: number;
  period: string;
  /** The minimum lot the fill was made in, and the trading configuration version that set it. */
  lot: number;
  configVersion: string;
  state: TradeState;
  matchedAt: Date;
  settledAt: Date | null;
  failure: string | null;
}

/** A participant's trades (as seller or buyer), or all (platform readers). */
export type TradeScope = { kind: 'party'; subjectId: string } | { kind: 'all' };

const scopeFilter = (scope: TradeScope): Record<string, unknown> => (scope.kind === 'party' ? { $or: [{ sellerSubjectId: scope.subjectId }, { buyerSubjectId: scope.subjectId }] } : {});
const toTrade = (doc: unknown): Trade => withId(doc as { _id: unknown }) as unknown as Trade;

export class TradeRepository {
  private readonly model;

  constructor(connection: Connection) {
    this.model = tradeModel(connection);
  }

  /** Records the fill; a repeat of the same settlement key returns the trade already recorded. */
  async insert(data: Omit<Trade, 'id' | 'state' | 'settledAt' | 'failure'>): Promise<Trade> {
    try {
      return toTrade((await this.model.create({ ...data, state: 'MATCHED', settledAt: null, failure: null })).toObject());
    } catch (e) {
      if (!isDuplicateKey(e)) throw e;
      return toTrade(await this.model.findOne({ settlementKey: data.settlementKey }).lean());
    }
  }

  async find(scope: TradeScope, id: string): Promise<Trade | undefined> {
    if (!isObjectId(id)) return undefined;
    const doc = await this.model.findOne({ ...scopeFilter(scope), _id: objectId(id) }).lean();
    return doc ? toTrade(doc) : undefined;
  }

  async list(scope: TradeScope, filter: { market?: string | undefined }, page: PageRequest): Promise<Page<Trade>> {
    const query: Record<string, unknown> = { ...scopeFilter(scope) };
    if (filter.market) query['market'] = filter.market;
    const [docs, total] = await Promise.all([
      this.model.find(query).sort({ matchedAt: -1, _id: -1 }).skip(page.offset).limit(page.limit).lean(),
      this.model.countDocuments(query),
    ]);
    return { items: docs.map(toTrade), total };
  }

  /** MATCHED → SETTLED | FAILED (compare-and-set). */
  async finish(id: string, set: { state: 'SETTLED' | 'FAILED'; settledAt?: Date; failure?: string }): Promise<Trade | undefined> {
    const doc = await this.model.findOneAndUpdate({ _id: objectId(id), state: 'MATCHED' }, { $set: set }, { returnDocument: 'after' }).lean();
    return doc ? toTrade(doc) : undefined;
  }

  /** Trades still MATCHED that were matched before `before` (left by an interrupted request), oldest first. */
  async matchedBefore(before: Date, limit = 500): Promise<Trade[]> {
    const docs = await this.model.find({ state: 'MATCHED', matchedAt: { $lt: before } }).sort({ matchedAt: 1, _id: 1 }).limit(limit).lean();
    return docs.map(toTrade);
  }

  /** Every settled trade (the regulator's statistics): market, period, quantity and value only. */
  async settledAll(): Promise<Pick<Trade, 'market' | 'period' | 'quantity' | 'valueFen'>[]> {
    const docs = await this.model.find({ state: 'SETTLED' }, { market: 1, period: 1, quantity: 1, valueFen: 1 }).lean();
    return docs.map((d) => ({ market: d.market, period: d.period, quantity: d.quantity, valueFen: d.valueFen }));
  }

  /** Settled trades of one market and period (the volume-weighted price). */
  async settledIn(market: string, period: string): Promise<Trade[]> {
    const docs = await this.model.find({ market, state: 'SETTLED', period }).lean();
    return docs.map(toTrade);
  }
}
