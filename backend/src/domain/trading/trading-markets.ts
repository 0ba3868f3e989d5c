// The markets of registered ecological rights: which asset types trade, in which unit, the minimum
// lot, and where each asset's tradable quantity is read. A market is one asset type and price
// reference (e.g. water_right:water_lease:塔里木河), so its trades feed that price series.
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

export const tradingMarkets: Partial<Record<Asset['assetType'], MarketRule>> = {
  /** Water-use volume (a lease of the allocated annual volume for a period, or a sale of it). */
  water_right: { unit: 'm3', lot: 1_000, title: false, quantityOf: (a) => num(a.details['allocatedAnnualVolumeM3'] ?? a.details['permittedAnnualVolumeM3']), priceUnit: 'yuan/m3' },
  /** Emission allowance, tonnes per year. */
  emission_right: { unit: 't', lot: 1, title: false, quantityOf: (a) => num(a.details['tonnes']), priceUnit: 'yuan/tonne-year' },
  /** Forest carbon sinks and other verified credits, tCO2e. */
  carbon: { unit: 'tCO2e', lot: 100, title: false, quantityOf: (a) => num(a.details['quantityTco2e']), priceUnit: 'yuan/tCO2e' },
  /** Land management rights: the whole contract right changes hands. */
  land_right: { unit: 'title', lot: 1, title: true, quantityOf: () => 1, priceUnit: 'yuan/title' },
  forest_right: { unit: 'title', lot: 1, title: true, quantityOf: () => 1, priceUnit: 'yuan/title' },
};

export const marketOf = (assetType: string, priceReference: string): string => `${assetType}|${priceReference}`;
