// Ecological-rights trading: price-time matching with partial fills and a minimum lot, and the
// volume-weighted price per period that trades feed into the market price series.
export type { BookOrder, Fill, MatchResult, OrderSide, PeriodPrice, TradePrint, TradingConfig, TradingMarketConfig } from './types.js';
export { defaultTradingConfig } from './default-trading-config.js';
export { validateTradingConfig } from './validate-trading-config.js';
export { TradingInputError } from './trading-input-error.js';
export { matchOrders } from './match-orders.js';
export { volumeWeightedPrices } from './volume-weighted-prices.js';
