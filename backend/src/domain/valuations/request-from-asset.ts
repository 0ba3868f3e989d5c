// Builds the engine's valuation request from the asset record and the latest market prices on the
// valuation date. Every price used is listed with its date and source.
import { exact, exactToFen, type DataQuality, type ValuationRequest } from '@eco/scoring';
import type { Asset, AssetType } from '../../db/assets/asset.types.js';
import type { Price } from '../../db/prices/price.repository.js';
import type { PriceSource } from '../../db/valuations/valuation.repository.js';
import type { PriceService } from '../prices/price-service.js';
import { AppError } from '../errors/index.js';
import { wholeYearsBetween } from './whole-years.js';

export interface BuiltRequest {
  request: ValuationRequest;
  priceSources: PriceSource[];
}

interface Context {
  asset: Asset;
  details: Record<string, any>;
  date: string;
  prices: PriceService;
  sources: PriceSource[];
}

const sourceOf = (price: Price, role: string): PriceSource => ({ reference: price.reference, date: price.date, priceFen: price.priceFen, unit: price.unit, source: price.source, role });

async function latestPrice(ctx: Context, role: string): Promise<number> {
  const [price] = await ctx.prices.latest(ctx.asset.priceReference!, ctx.date);
  ctx.sources.push(sourceOf(price!, role));
  return price!.priceFen;
}

/** Mean of the latest 20 observations (fewer when the series is shorter), rounded half-even to the fen. */
async function twentyDayAverage(ctx: Context): Promise<number> {
  const prices = await ctx.prices.latest(ctx.asset.priceReference!, ctx.date, 20);
  const total = prices.reduce((sum, p) => sum + BigInt(p.priceFen), 0n);
  const average = exactToFen(exact(total, BigInt(prices.length)));
  ctx.sources.push({ ...sourceOf(prices[prices.length - 1]!, `avg20dPriceFenPerT (${prices.length} observations to ${prices[0]!.date})`), priceFen: average });
  return average;
}

const remaining = (ctx: Context, key: string): number => wholeYearsBetween(ctx.date, String(ctx.details[key]));
const optional = <T>(value: T | undefined, key: string): Record<string, T> => (value === undefined ? {} : { [key]: value });

const builders: Record<AssetType, (ctx: Context) => Promise<Record<string, unknown>>> = {
  water_right: async (ctx) => ({
    annualVolumeM3: ctx.details['allocatedAnnualVolumeM3'] > 0 ? ctx.details['allocatedAnnualVolumeM3'] : ctx.details['permittedAnnualVolumeM3'],
    pricePerM3Fen: await latestPrice(ctx, 'pricePerM3Fen'),
    remainingYears: remaining(ctx, 'validUntil'),
  }),
  forest_right: async (ctx) => {
    const d = ctx.details;
    const timber = d['forestType'] === 'timber';
    return {
      forestType: d['forestType'], standAgeYears: d['standAgeYears'], rotationAgeYears: d['rotationAgeYears'], areaHa: d['areaHa'],
      rightRemainingYears: remaining(ctx, 'rightValidUntil'),
      ...(timber ? { harvestVolumeM3: d['stockVolumeM3'], timberPriceFenPerM3: await latestPrice(ctx, 'timberPriceFenPerM3') } : {}),
      ...optional(d['annualNetIncomeFenPerHa'], 'annualNetIncomeFenPerHa'),
      ...optional(d['costsFenPerHaByYear'], 'costsFenPerHaByYear'),
      ...optional(d['finalHarvestNetFenPerHa'], 'finalHarvestNetFenPerHa'),
      ...optional(d['annualCostFenPerHa'], 'annualCostFenPerHa'),
    };
  },
  emission_right: async (ctx) => ({
    pollutant: ctx.details['pollutant'], tonnes: ctx.details['tonnes'],
    referencePriceFenPerTonne: await latestPrice(ctx, 'referencePriceFenPerTonne'),
    rightRemainingYears: remaining(ctx, 'validUntil'),
  }),
  carbon: async (ctx) => ({
    kind: ctx.details['kind'], quantityTco2e: ctx.details['quantityTco2e'],
    spotPriceFenPerT: await latestPrice(ctx, 'spotPriceFenPerT'),
    avg20dPriceFenPerT: await twentyDayAverage(ctx),
  }),
  land_right: async (ctx) => ({
    areaMu: ctx.details['areaMu'],
    annualNetIncomeFenPerMu: await latestPrice(ctx, 'annualNetIncomeFenPerMu'),
    remainingYears: remaining(ctx, 'termEnd'),
    ...optional(ctx.details['improvementsFen'], 'improvementsFen'),
  }),
  gep_site: async (ctx) => ({
    services: ctx.details['services'], cashFlowBacked: ctx.details['cashFlowBacked'],
    ...(ctx.details['contractUntil'] ? { rightRemainingYears: remaining(ctx, 'contractUntil') } : {}),
  }),
  // Product orders are valued by their own method (domain/product-orders), never by the engine.
  product_order: () => Promise.reject(new AppError('VALIDATION_FAILED', 'a product order is valued by the product-order method, not the valuation engine', { field: 'assetType' })),
};

/** Verified assets carry registry data; anything else is as declared by the owner. */
const dataQualityOf = (asset: Asset): DataQuality => (asset.state === 'verified' ? 'verified' : 'reported');

export async function requestFromAsset(asset: Asset, date: string, prices: PriceService): Promise<BuiltRequest> {
  const ctx: Context = { asset, details: asset.details, date, prices, sources: [] };
  const fields = await builders[asset.assetType](ctx);
  const request = { assetType: asset.assetType, assetId: asset.id, valuationDate: date, dataQuality: dataQualityOf(asset), ...fields } as ValuationRequest;
  return { request, priceSources: ctx.sources };
}
