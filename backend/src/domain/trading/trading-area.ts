// Wiring of ecological-rights trading (orders, trades, registry settlement, price feed), called from platform.ts.
import type { Connection } from 'mongoose';
import type { AssetRepository } from '../../db/assets/asset.repository.js';
import { TradeOrderRepository } from '../../db/trade-orders/trade-order.repository.js';
import { MarketPriceFeedRepository } from '../../db/trades/market-price-feed.repository.js';
import { RegistryTransferRepository } from '../../db/trades/registry-transfer.repository.js';
import { TradeRepository } from '../../db/trades/trade.repository.js';
import type { AuditTrail } from '../audit/audit-trail.js';
import type { Clock } from '../clock.js';
import { TradingService } from './trading-service.js';

export function tradingArea(w: { connection: Connection; clock: Clock; audit: AuditTrail; assets: AssetRepository }) {
  const repositories = {
    orders: new TradeOrderRepository(w.connection),
    trades: new TradeRepository(w.connection),
    registry: new RegistryTransferRepository(w.connection),
    priceFeed: new MarketPriceFeedRepository(w.connection),
  };
  return { tradingRepositories: repositories, trading: new TradingService({ ...repositories, assets: w.assets, audit: w.audit, clock: w.clock }) };
}
