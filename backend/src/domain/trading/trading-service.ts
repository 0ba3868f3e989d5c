// Ecological-rights trading: owners offer registered, verified rights; buyers bid; an incoming order
// matches the book by price then time in whole minimum lots (scoring/src/trading/match-orders.ts);
// each fill takes quantity off both orders by conditional $inc and becomes a trade with a unique
// settlement key, settled by one conditional update of the asset in the registry. Settled trades
// feed the market's volume-weighted price per day into the price series valuation reads.
import { matchOrders, volumeWeightedPrices, type BookOrder } from '@eco/scoring';
import type { AssetRepository } from '../../db/assets/asset.repository.js';
import type { Page, PageRequest } from '../../db/page.js';
import type { OrderScope, TradeOrder, TradeOrderRepository } from '../../db/trade-orders/trade-order.repository.js';
import type { MarketPriceFeedRepository } from '../../db/trades/market-price-feed.repository.js';
import type { RegistryTransferRepository } from '../../db/trades/registry-transfer.repository.js';
import type { Trade, TradeRepository, TradeScope } from '../../db/trades/trade.repository.js';
import type { AuditTrail } from '../audit/audit-trail.js';
import type { Clock } from '../clock.js';
import { AppError, forbidden, notFound } from '../errors/index.js';
import { can, readsAllTenants, type Actor, type Principal } from '../identity/principal.js';
import { chinaDate } from '../points/china-date.js';
import { orderStateMachine } from './order-state-machine.js';
import { marketOf, tradingConfig, tradingMarkets } from './trading-markets.js';

type Caller = Actor & { principal: Principal };

export interface OfferInput {
  assetId: string;
  kind: 'sale' | 'lease';
  leasePeriod?: { from: string; to: string } | undefined;
  quantity: number;
  priceFen: number;
}

export interface BidInput {
  assetType: string;
  priceReference: string;
  quantity: number;
  priceFen: number;
}

export interface PlacedOrder {
  order: TradeOrder;
  trades: Trade[];
}

/** The platform acting on its own (matching a consented offer, settlement retries). */
export const tradingSystemActor: Actor = { requestId: 'trading' };
const maxMatchRounds = 20;

export class TradingService {
  constructor(
    private readonly deps: {
      orders: TradeOrderRepository;
      trades: TradeRepository;
      registry: RegistryTransferRepository;
      priceFeed: MarketPriceFeedRepository;
      assets: AssetRepository;
      audit: AuditTrail;
      clock: Clock;
    },
  ) {}

  markets(): { assetType: string; unit: string; lot: number; title: boolean; priceUnit: string; configVersion: string }[] {
    return Object.entries(tradingMarkets).map(([assetType, m]) => ({ assetType, unit: m!.unit, lot: m!.lot, title: m!.title, priceUnit: m!.priceUnit, configVersion: tradingConfig.version }));
  }

  private ownSubject(principal: Principal): string {
    if (!can(principal, 'trading.trade') || !principal.subjectId) throw forbidden('trading.trade');
    return principal.subjectId;
  }

  /** An offer of a verified right the caller owns; a pledged or frozen right waits for the pledgee bank's consent. */
  async offer(actor: Caller, input: OfferInput): Promise<PlacedOrder> {
    const subjectId = this.ownSubject(actor.principal);
    const asset = await this.deps.assets.findById(input.assetId);
    if (!asset || asset.subjectId !== subjectId) throw new AppError('VALIDATION_FAILED', 'no asset of yours has this id', { field: 'assetId' });
    const rule = tradingMarkets[asset.assetType];
    if (!rule || !asset.priceReference) throw new AppError('TRADING_ASSET_NOT_TRADABLE', `${asset.assetType} rights are not traded on the platform`, { field: 'assetId' });
    if (asset.state !== 'verified') throw new AppError('TRADING_ASSET_NOT_TRADABLE', `the asset is ${asset.state}; only verified rights can be offered`, { field: 'assetId' });
    if (input.kind === 'lease' && (!input.leasePeriod || input.leasePeriod.to < input.leasePeriod.from)) throw new AppError('VALIDATION_FAILED', 'a lease names its period (from ≤ to)', { field: 'leasePeriod' });
    this.checkLot(input.quantity, rule.lot);
    await this.deps.registry.openForTrading(asset.id, rule.quantityOf(asset));
    const available = (await this.deps.registry.availableOf(asset.id)) ?? 0;
    if (input.quantity > available) throw new AppError('TRADING_INSUFFICIENT_QUANTITY', `only ${available} ${rule.unit} of this right are available`, { field: 'quantity', details: { available } });
    const encumbered = asset.encumbrance.status !== 'free';
    const { order, created } = await this.deps.orders.insert({
      side: 'sell', market: marketOf(asset.assetType, asset.priceReference), assetType: asset.assetType, priceReference: asset.priceReference, kind: input.kind,
      leasePeriod: input.kind === 'lease' ? input.leasePeriod! : null, ownerSubjectId: subjectId, assetId: asset.id, priceFen: input.priceFen, quantity: input.quantity, lot: rule.lot, configVersion: tradingConfig.version,
      state: encumbered ? 'AWAITING_CONSENT' : 'OPEN', consent: encumbered ? { institutionId: asset.encumbrance.institutionId!, decision: 'pending' } : null,
      placedAt: this.deps.clock.now(), placedBy: { userId: actor.principal.userId, username: actor.principal.username }, idempotencyKey: actor.idempotencyKey,
    });
    if (!created) return { order, trades: [] };
    await this.deps.audit.append(actor, { action: 'trading.offer', entityType: 'trade_order', entityId: order.id, subjectId, after: { assetId: asset.id, quantity: order.quantity, priceFen: order.priceFen, state: order.state } });
    return order.state === 'OPEN' ? this.match(actor, order) : { order, trades: [] };
  }

  async bid(actor: Caller, input: BidInput): Promise<PlacedOrder> {
    const subjectId = this.ownSubject(actor.principal);
    const rule = tradingMarkets[input.assetType as keyof typeof tradingMarkets];
    if (!rule) throw new AppError('VALIDATION_FAILED', `${input.assetType} rights are not traded on the platform`, { field: 'assetType' });
    this.checkLot(input.quantity, rule.lot);
    const { order, created } = await this.deps.orders.insert({
      side: 'buy', market: marketOf(input.assetType, input.priceReference), assetType: input.assetType, priceReference: input.priceReference, kind: 'sale', leasePeriod: null,
      ownerSubjectId: subjectId, assetId: null, priceFen: input.priceFen, quantity: input.quantity, lot: rule.lot, configVersion: tradingConfig.version, state: 'OPEN', consent: null,
      placedAt: this.deps.clock.now(), placedBy: { userId: actor.principal.userId, username: actor.principal.username }, idempotencyKey: actor.idempotencyKey,
    });
    if (!created) return { order, trades: [] };
    await this.deps.audit.append(actor, { action: 'trading.bid', entityType: 'trade_order', entityId: order.id, subjectId, after: { market: order.market, quantity: order.quantity, priceFen: order.priceFen } });
    return this.match(actor, order);
  }

  private checkLot(quantity: number, lot: number): void {
    if (!Number.isSafeInteger(quantity) || quantity < lot || quantity % lot !== 0) {
      throw new AppError('TRADING_LOT_INVALID', `the quantity is a whole multiple of the minimum lot ${lot}`, { field: 'quantity', details: { lot } });
    }
  }

  /** The pledgee bank consents (the offer enters the book and matches) or refuses (the offer is cancelled). */
  async decideConsent(actor: Caller, id: string, decision: 'consent' | 'refuse', note: string): Promise<PlacedOrder> {
    const step = orderStateMachine[decision === 'consent' ? 'consent' : 'refuseConsent'];
    if (!can(actor.principal, step.permission!) || !actor.principal.institutionId) throw forbidden(step.permission!);
    const scope: OrderScope = { kind: 'consent', institutionId: actor.principal.institutionId };
    const before = await this.deps.orders.find(scope, id);
    if (!before) throw notFound('order');
    const asset = before.assetId ? await this.deps.assets.findById(before.assetId) : undefined;
    if (!asset || asset.encumbrance.institutionId !== actor.principal.institutionId) throw notFound('order');
    const consent = { institutionId: actor.principal.institutionId, decision: decision === 'consent' ? 'consented' : 'refused', by: { userId: actor.principal.userId, username: actor.principal.username }, at: this.deps.clock.now(), note };
    const after = await this.deps.orders.transition(scope, id, step.from, { state: step.to, consent });
    if (!after) throw new AppError('TRADING_INVALID_TRANSITION', `the order is ${before.state}; consent is decided while AWAITING_CONSENT`, { details: { currentState: before.state, allowed: step.from } });
    await this.deps.audit.append(actor, { action: `trading.${decision}`, entityType: 'trade_order', entityId: id, subjectId: after.ownerSubjectId, before: { state: before.state }, after: { state: after.state, note } });
    return after.state === 'OPEN' ? this.match(tradingSystemActor, after) : { order: after, trades: [] };
  }

  async cancel(actor: Caller, id: string): Promise<TradeOrder> {
    const subjectId = this.ownSubject(actor.principal);
    const step = orderStateMachine.cancel;
    const scope: OrderScope = { kind: 'owner', subjectId };
    const before = await this.deps.orders.find(scope, id);
    if (!before) throw notFound('order');
    const after = await this.deps.orders.transition(scope, id, step.from, { state: step.to });
    if (!after) throw new AppError('TRADING_INVALID_TRANSITION', `the order is ${before.state}; only an open or waiting order can be cancelled`, { details: { currentState: before.state, allowed: step.from } });
    await this.deps.audit.append(actor, { action: 'trading.cancel', entityType: 'trade_order', entityId: id, subjectId, before: { state: before.state, remaining: before.remaining }, after: { state: after.state } });
    return after;
  }

  /**
   * Matches an open order against the book. Each fill takes its quantity off the incoming order and
   * then the resting order by conditional $inc; when the resting order lost the race the incoming
   * quantity is given back and the book re-read.
   */
  private async match(actor: Actor, placed: TradeOrder): Promise<PlacedOrder> {
    const trades: Trade[] = [];
    let order = placed;
    for (let round = 0; round < maxMatchRounds && order.state === 'OPEN' && order.remaining > 0; round++) {
      const book = await this.deps.orders.book(order.market, order.side === 'buy' ? 'sell' : 'buy');
      const { fills } = matchOrders(toBook(order), book.map(toBook), order.lot);
      if (fills.length === 0) break;
      let lostRace = false;
      for (const fill of fills) {
        const taken = await this.deps.orders.take(order.id, fill.quantity);
        if (!taken) {
          lostRace = true;
          break;
        }
        const resting = await this.deps.orders.take(fill.restingId, fill.quantity);
        if (!resting) {
          await this.deps.orders.giveBack(order.id, fill.quantity);
          lostRace = true;
          break;
        }
        order = taken;
        const [sell, buy] = order.side === 'sell' ? [order, resting] : [resting, order];
        const trade = await this.deps.trades.insert({
          settlementKey: `${sell.id}:${buy.id}:${sell.remaining}`, market: order.market, priceReference: order.priceReference, sellOrderId: sell.id, buyOrderId: buy.id,
          sellerSubjectId: sell.ownerSubjectId, buyerSubjectId: buy.ownerSubjectId, assetId: sell.assetId!, kind: sell.kind, quantity: fill.quantity, priceFen: fill.priceFen,
          valueFen: fill.valueFen, period: chinaDate(this.deps.clock.now()), matchedAt: this.deps.clock.now(), lot: order.lot, configVersion: tradingConfig.version,
        });
        await Promise.all([this.deps.orders.markFilled(sell.id), this.deps.orders.markFilled(buy.id)]);
        trades.push(await this.settle(actor, trade));
      }
      order = (await this.deps.orders.find({ kind: 'all' }, order.id))!;
      if (!lostRace) break;
    }
    return { order: (await this.deps.orders.find({ kind: 'all' }, order.id))!, trades };
  }

  /**
   * Settles a matched trade: one conditional update of the asset moves the quantity (and, for a
   * title, the owner). Idempotent by the settlement key: a retry of a settled trade changes nothing.
   */
  async settle(actor: Actor, trade: Trade): Promise<Trade> {
    if (trade.state !== 'MATCHED') return trade;
    const sell = (await this.deps.orders.find({ kind: 'all' }, trade.sellOrderId))!;
    const rule = tradingMarkets[sell.assetType as keyof typeof tradingMarkets]!;
    const consentedBy = sell.consent?.decision === 'consented' ? sell.consent.institutionId : null;
    const now = this.deps.clock.now();
    const moved = await this.deps.registry.transfer(trade.assetId, {
      settlementKey: trade.settlementKey, tradeId: trade.id, sellerSubjectId: trade.sellerSubjectId, buyerSubjectId: trade.buyerSubjectId,
      quantity: trade.quantity, kind: trade.kind, title: rule.title, consentedBy, at: now,
    });
    if (moved || (await this.deps.registry.applied(trade.assetId, trade.settlementKey))) {
      const settled = (await this.deps.trades.finish(trade.id, { state: 'SETTLED', settledAt: now })) ?? (await this.deps.trades.find({ kind: 'all' }, trade.id))!;
      if (moved) {
        await this.deps.audit.append(actor, { action: 'trading.settle', entityType: 'trade', entityId: trade.id, subjectId: trade.sellerSubjectId, after: { settlementKey: trade.settlementKey, assetId: trade.assetId, quantity: trade.quantity, priceFen: trade.priceFen, buyerSubjectId: trade.buyerSubjectId } });
        await this.publishPrice(trade.market, trade.priceReference, trade.period, rule.priceUnit);
      }
      return settled;
    }
    const asset = await this.deps.assets.findById(trade.assetId);
    const failure = asset && asset.encumbrance.status !== 'free' && !consentedBy ? 'the asset is pledged or frozen and the pledgee bank has not consented' : 'the seller no longer holds the quantity';
    const failed = await this.deps.trades.finish(trade.id, { state: 'FAILED', failure });
    if (failed) {
      await this.deps.orders.giveBack(trade.buyOrderId, trade.quantity);
      await this.deps.audit.append(actor, { action: 'trading.settle-failed', entityType: 'trade', entityId: trade.id, subjectId: trade.sellerSubjectId, after: { failure } });
    }
    return failed ?? (await this.deps.trades.find({ kind: 'all' }, trade.id))!;
  }

  /**
   * Recovery after a crash (trading.recovery job): trades still MATCHED a minute after they were
   * matched were left by an interrupted request. Their orders are marked filled when nothing is left
   * (conditional), and each is settled by its unique settlement key — a trade whose registry transfer
   * already happened is only marked SETTLED, so rerunning changes nothing.
   */
  async recoverMatched(graceMs = 60_000): Promise<{ settled: number; failed: number }> {
    const stale = await this.deps.trades.matchedBefore(new Date(this.deps.clock.now().getTime() - graceMs));
    let settled = 0;
    let failed = 0;
    for (const trade of stale) {
      await Promise.all([this.deps.orders.markFilled(trade.sellOrderId), this.deps.orders.markFilled(trade.buyOrderId)]);
      const after = await this.settle(tradingSystemActor, trade);
      if (after.state === 'SETTLED') settled++;
      else if (after.state === 'FAILED') failed++;
    }
    return { settled, failed };
  }

  /** Retry of a settlement (idempotent): TRADING_SETTLEMENT_FAILED when it failed for good. */
  async settleAgain(actor: Caller, id: string): Promise<Trade> {
    const trade = await this.deps.trades.find(this.tradeScope(actor.principal), id);
    if (!trade) throw notFound('trade');
    const after = await this.settle(actor, trade);
    if (after.state === 'FAILED') throw new AppError('TRADING_SETTLEMENT_FAILED', after.failure ?? 'settlement failed', { details: { tradeId: id } });
    return after;
  }

  private async publishPrice(market: string, reference: string, period: string, unit: string): Promise<void> {
    const [vwap] = volumeWeightedPrices((await this.deps.trades.settledIn(market, period)).map((t) => ({ period: t.period, quantity: t.quantity, priceFen: t.priceFen })));
    if (vwap) await this.deps.priceFeed.publish(reference, period, vwap.vwapFen, unit, this.deps.clock.now());
  }

  private tradeScope(principal: Principal): TradeScope {
    if (readsAllTenants(principal)) return { kind: 'all' };
    return { kind: 'party', subjectId: principal.subjectId ?? '-' };
  }

  private orderScope(principal: Principal): OrderScope | undefined {
    if (readsAllTenants(principal)) return { kind: 'all' };
    if (principal.subjectId) return { kind: 'owner', subjectId: principal.subjectId };
    if (can(principal, 'trading.consent') && principal.institutionId) return { kind: 'consent', institutionId: principal.institutionId };
    return undefined;
  }

  async listOrders(principal: Principal, filter: { state?: TradeOrder['state'] | undefined; market?: string | undefined }, page: PageRequest): Promise<Page<TradeOrder>> {
    const scope = this.orderScope(principal);
    return scope ? this.deps.orders.list(scope, filter, page) : { items: [], total: 0 };
  }

  async getOrder(principal: Principal, id: string): Promise<TradeOrder> {
    const scope = this.orderScope(principal);
    const order = scope ? await this.deps.orders.find(scope, id) : undefined;
    if (!order) throw notFound('order');
    return order;
  }

  async listTrades(principal: Principal, filter: { market?: string | undefined }, page: PageRequest): Promise<Page<Trade>> {
    if (!principal.subjectId && !readsAllTenants(principal)) return { items: [], total: 0 };
    return this.deps.trades.list(this.tradeScope(principal), filter, page);
  }

  /** The public book of one market (price levels with quantities; owners not shown). */
  async orderBook(assetType: string, priceReference: string): Promise<{ market: string; asks: { priceFen: number; quantity: number }[]; bids: { priceFen: number; quantity: number }[] }> {
    const market = marketOf(assetType, priceReference);
    const level = (orders: TradeOrder[]) => {
      const levels = new Map<number, number>();
      for (const o of orders) levels.set(o.priceFen, (levels.get(o.priceFen) ?? 0) + o.remaining);
      return [...levels.entries()].map(([priceFen, quantity]) => ({ priceFen, quantity }));
    };
    const [asks, bids] = await Promise.all([this.deps.orders.book(market, 'sell'), this.deps.orders.book(market, 'buy')]);
    return { market, asks: level(asks), bids: level(bids) };
  }
}

const toBook = (o: TradeOrder): BookOrder => ({ id: o.id, side: o.side, ownerId: o.ownerSubjectId, priceFen: o.priceFen, remaining: o.remaining, placedAt: o.placedAt.toISOString() });
