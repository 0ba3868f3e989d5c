// Ecological-rights trading: price-time matching with partial fills and a minimum lot, and the
// volume-weighted price per period that trades feed into the market price series.
export type { BookOrder, Fill, MatchResult, OrderSide, PeriodPrice, TradePrint } from './types.js';
export { TradingInputError } from './trading-input-error.js';
export { matchOrders } from './match-orders.js';
export { volumeWeightedPrices } from './volume-weighted-prices.js';
