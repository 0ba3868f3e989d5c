// Ecological-rights order book: offers (sell or lease) and bids (buy) in whole units of the market's
// unit (m³ of water per period, tonnes of emission allowance, tCO2e, one title for land or forest
// rights), priced in integer fen per unit.

export type OrderSide = 'buy' | 'sell';

export interface BookOrder {
  id: string;
  side: OrderSide;
  /** The participant placing it (a subject id); an order never trades with the same owner's orders. */
  ownerId: string;
  /** Limit price, integer fen per unit. */
  priceFen: number;
  /** Unfilled quantity, whole units. */
  remaining: number;
  /** Placement time (ISO instant); earlier wins at equal price. Ties broken by id. */
  placedAt: string;
}

export interface Fill {
  /** The resting order the incoming order traded with. */
  restingId: string;
  quantity: number;
  /** The resting order's price (the price the book showed), fen per unit. */
  priceFen: number;
  /** priceFen × quantity, integer fen. */
  valueFen: number;
}

export interface MatchResult {
  fills: Fill[];
  /** What is left of the incoming order after the fills. */
  remaining: number;
}

export interface TradePrint {
  /** The period the trade falls in, e.g. the China-time date 2026-11-29. */
  period: string;
  quantity: number;
  priceFen: number;
}

export interface PeriodPrice {
  period: string;
  /** Units traded in the period. */
  volume: number;
  /** Σ price × quantity, integer fen. */
  valueFen: number;
  /** valueFen / volume rounded half-even to whole fen per unit. */
  vwapFen: number;
  trades: number;
}

/** One market of the versioned trading configuration (scoring/config/trading-config.json). */
export interface TradingMarketConfig {
  unit: string;
  /** Minimum lot and step, whole units. */
  lot: number;
  /** Whole-title market: the quantity is 1 and settlement moves the owner. */
  title: boolean;
  /** Asset detail fields holding the tradable quantity, first present wins (empty for a title market). */
  quantityFields: string[];
  priceUnit: string;
  source?: string;
}

/** Versioned trading configuration (schema schemas/trading/trading-config.schema.json). */
export interface TradingConfig {
  version: string;
  effectiveFrom: string;
  markets: Partial<Record<'water_right' | 'emission_right' | 'carbon' | 'land_right' | 'forest_right', TradingMarketConfig>>;
  source: string;
}
