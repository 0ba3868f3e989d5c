// The markets of registered ecological rights: which asset types trade, in which unit, the minimum
// lot, and where each asset's tradable quantity is read — built from the versioned trading
// configuration (scoring/config/trading-config.json, schema schemas/trading/trading-config.schema.json);
// orders and trades record the version. A market is one asset type and price reference (e.g.
// water_right:water_lease:塔里木河), so its trades feed that price series.
import { defaultTradingConfig, type TradingConfig } from '@eco/scoring';
import type { Asset } from '../../db/assets/asset.types.js';

export interface MarketRule {
  unit: string;
  /** Minimum lot and step, whole units. */
  lot: number;
  /** Whole-title markets: the quantity is 1 and settlement moves the owner. */
  title: boolean;
  /** The asset's tradable quantity in the market's unit (whole units). */
  quantityOf: (asset: Asset) => number;
  /** Unit of the price observations the trades feed. */
  priceUnit: string;
}

const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? Math.floor(v) : 0);

/** The market rules of a configuration version. */
export function marketRules(config: TradingConfig): Partial<Record<Asset['assetType'], MarketRule>> {
  return Object.fromEntries(Object.entries(config.markets).map(([assetType, m]) => [assetType, {
    unit: m!.unit, lot: m!.lot, title: m!.title, priceUnit: m!.priceUnit,
    quantityOf: m!.title ? () => 1 : (a: Asset) => num(m!.quantityFields.map((f) => a.details[f]).find((v) => v !== undefined && v !== null)),
  }]));
}

/** The configuration in force and its markets. */
export const tradingConfig: TradingConfig = defaultTradingConfig;
export const tradingMarkets = marketRules(tradingConfig);

export const marketOf = (assetType: string, priceReference: string): string => `${assetType}|${priceReference}`;
