// Types of the valuation engine. Amounts are integer fen, rates decimals (0.045 = 4.5 %), unit
// prices fen per unit (may carry fractions of a fen), areas in hectares (ha) or mu (亩).
import type { Exact } from '../money/index.js';

export type AssetType = 'water_right' | 'forest_right' | 'emission_right' | 'carbon' | 'land_right' | 'gep_site';
export type ConfidenceGrade = 'high' | 'medium' | 'low';
/** verified: metered, audited or registry data; reported: declared by the owner; estimated: appraiser's estimate. */
export type DataQuality = 'verified' | 'reported' | 'estimated';
export type ValueType = 'market' | 'accounting';
export type ForestType = 'timber' | 'economic' | 'bamboo' | 'land';
export type AgeClass = 'young' | 'middle' | 'near_mature' | 'mature' | 'over_mature';
export type Pollutant = 'COD' | 'NH3-N' | 'SO2' | 'NOx';
export type CarbonKind = 'CEA' | 'CCER' | 'forestry';

export interface Haircuts {
  market: number;
  liquidity: number;
  legal: number;
  physical: number;
}

/** Fields every request may carry; absent ones come from the configuration. */
export interface CommonRequestFields {
  assetId?: string;
  valuationDate?: string;
  pledgeRate?: number;
  haircuts?: Partial<Haircuts>;
  loanTermYears?: number;
  dataQuality?: DataQuality;
}

export interface WaterRightRequest extends CommonRequestFields {
  assetType: 'water_right';
  annualVolumeM3: number;
  reliabilityFactor?: number;
  pricePerM3Fen: number;
  priceGrowthRate?: number;
  remainingYears: number;
  discountRate?: number;
}

export interface Thinning {
  ageYears: number;
  netFenPerHa: number;
}

export interface CarbonSinkAddOn {
  annualSequestrationTco2e: number;
  carbonPriceFenPerT: number;
  years: number;
  bufferRate?: number;
}

export interface ForestRightRequest extends CommonRequestFields {
  assetType: 'forest_right';
  forestType: ForestType;
  ageClass?: AgeClass;
  standAgeYears?: number;
  rotationAgeYears?: number;
  areaHa: number;
  qualityFactor?: number;
  discountRate?: number;
  costsFenPerHaByYear?: number[];
  finalHarvestNetFenPerHa?: number;
  thinnings?: Thinning[];
  annualCostFenPerHa?: number;
  harvestVolumeM3?: number;
  timberPriceFenPerM3?: number;
  costRate?: number;
  profitRate?: number;
  annualNetIncomeFenPerHa?: number;
  carbonSink?: CarbonSinkAddOn;
  rightRemainingYears?: number;
}

export interface EmissionRightRequest extends CommonRequestFields {
  assetType: 'emission_right';
  pollutant: Pollutant;
  tonnes: number;
  referencePriceFenPerTonne: number;
  rightRemainingYears?: number;
}

export interface CarbonRequest extends CommonRequestFields {
  assetType: 'carbon';
  kind: CarbonKind;
  quantityTco2e: number;
  spotPriceFenPerT: number;
  avg20dPriceFenPerT?: number;
  bufferRate?: number;
  rightRemainingYears?: number;
}

export interface LandRightRequest extends CommonRequestFields {
  assetType: 'land_right';
  areaMu: number;
  annualNetIncomeFenPerMu: number;
  remainingYears: number;
  discountRate?: number;
  improvementsFen?: number;
}

export interface EcosystemService {
  name: string;
  category?: 'provisioning' | 'regulating' | 'cultural';
  quantity: number;
  unit: string;
  unitPriceFen: number;
}

export interface GepSiteRequest extends CommonRequestFields {
  assetType: 'gep_site';
  services: EcosystemService[];
  cashFlowBacked?: boolean;
  rightRemainingYears?: number;
}

export type ValuationRequest =
  | WaterRightRequest
  | ForestRightRequest
  | EmissionRightRequest
  | CarbonRequest
  | LandRightRequest
  | GepSiteRequest;

// ---- configuration (validated by schemas/valuation/valuation-config.schema.json) ----

export interface SensitivitySteps {
  /** Shift of the discount rate, in rate units (0.015 = 1.5 percentage points). */
  discountRateStep: number;
  /** Relative price change (0.2 = ±20 %). */
  priceStep: number;
  /** Relative quantity change (0.15 = ±15 %). */
  volumeStep: number;
  /** A lowered discount rate never goes below this (nor below the rate itself when that is lower). */
  discountRateFloor: number;
}

export interface AssetTypeConfig<Defaults> {
  valueType: ValueType;
  marketLiquidity: ConfidenceGrade;
  pledgeRate: number;
  haircuts: Haircuts;
  maxLoanTermYears: number;
  /** LTV = outstanding loan / value; above this the pledge breaches (margin call). */
  ltvThreshold: number;
  sensitivity?: Partial<SensitivitySteps>;
  defaults: Defaults;
  sources: string[];
}

export interface CarbonKindConfig {
  marketLiquidity: ConfidenceGrade;
  bufferRate: number;
}

export interface AgeClassBounds {
  /** A stand is young while age / rotation age is below `young`, middle-aged below `middle`, … */
  young: number;
  middle: number;
  near_mature: number;
  mature: number;
}

export interface StressShock {
  assetTypes: AssetType[];
  /** Multiplies the quantity (water volume, tonnes, tCO2e, timber volume, service quantities). */
  volumeFactor?: number;
  /** Multiplies the main price of the asset. */
  priceFactor?: number;
  /** Multiplies every carbon price (carbon assets and the forest carbon-sink add-on). */
  carbonPriceFactor?: number;
  /** Share of the value lost outright (fire, permit lapse). */
  valueLossShare?: number;
  /** The right ends after at most this many years (permit not renewed). */
  remainingYearsCap?: number;
}

export interface StressScenario {
  id: string;
  name: string;
  description: string;
  shocks: StressShock[];
  source?: string;
}

export interface ValuationConfig {
  $schema?: string;
  version: string;
  effectiveFrom: string;
  currency: 'CNY';
  rounding: 'half-even';
  sensitivity: SensitivitySteps;
  confidence: { defaultDataQuality: DataQuality; wideRangeShare: number };
  forestAgeClasses: { bounds: AgeClassBounds; source: string };
  assetTypes: {
    water_right: AssetTypeConfig<{ discountRate: number; reliabilityFactor: number; priceGrowthRate: number }>;
    forest_right: AssetTypeConfig<{
      discountRate: number;
      qualityFactor: number;
      costRate: number;
      profitRate: number;
      carbonBufferRate: number;
    }>;
    emission_right: AssetTypeConfig<Record<string, never>>;
    carbon: AssetTypeConfig<Record<string, never>> & { kinds: Record<CarbonKind, CarbonKindConfig> };
    land_right: AssetTypeConfig<{ discountRate: number; improvementsFen: number }>;
    gep_site: AssetTypeConfig<Record<string, never>> & { cashFlowCapShare: number };
  };
  stressScenarios: StressScenario[];
}

// ---- result ----

export type ValuationInputSource = 'request' | 'default' | 'configuration';

export interface ValuationInputRecord {
  value: unknown;
  unit: string;
  source: ValuationInputSource;
  /** Where a default or configured value came from, e.g. assetTypes.water_right.defaults.discountRate. */
  configPath?: string;
  note?: string;
}

export interface ValuationWarning {
  code: string;
  message: string;
  field?: string;
}

export interface SensitivityCase {
  discountRate: number | null;
  priceFactor: number;
  volumeFactor: number;
}

export interface ValuationResult {
  assetType: AssetType;
  assetId: string | null;
  valuationDate: string | null;
  method: string;
  methodReason: string;
  methodDescription: string;
  valueType: ValueType;
  valueFen: number;
  range: { lowFen: number; highFen: number; basis: string; low: SensitivityCase; high: SensitivityCase };
  confidence: { grade: ConfidenceGrade; reasons: string[] };
  haircut: Haircuts & { total: number };
  lendingValueFen: number;
  pledgeRate: number;
  maxLoanFen: number;
  maxTermYears: number;
  inputs: Record<string, ValuationInputRecord>;
  configVersion: string;
  rounding: 'half-even';
  warnings: ValuationWarning[];
}

// ---- internal contract between valueAsset and the per-asset methods ----

/** Exact adjustments applied by sensitivities and stress scenarios; neutral = no change. */
export interface Adjustment {
  discountRateShift: Exact;
  /** A lowered discount rate stays at or above min(rate, floor). */
  discountRateFloor: Exact;
  priceFactor: Exact;
  volumeFactor: Exact;
  carbonPriceFactor: Exact;
  remainingYearsCap: number | null;
}

/** What an asset method hands back: its explanation, recorded inputs and an exact value function. */
export interface MethodValuation {
  method: string;
  methodReason: string;
  methodDescription: string;
  valueType: ValueType;
  inputs: Record<string, ValuationInputRecord>;
  warnings: ValuationWarning[];
  /** Which sensitivities move this method's value. */
  sensitive: { discountRate: boolean; price: boolean; volume: boolean };
  /** The discount rate the point value uses (null when the method does not discount). */
  discountRate: Exact | null;
  /** Remaining years of the right itself, when the request tells it. */
  rightRemainingYears: number | null;
  /** Market liquidity grade when it differs from the asset type's (carbon kinds). */
  marketLiquidity?: ConfidenceGrade;
  /** Names of inputs that drive the value and were filled from defaults (they lower confidence). */
  defaultedValueDrivers: string[];
  /** Lending value may not exceed value × this share (GEP: 0 unless cash-flow backed); null = no cap. */
  lendingValueCapShare: Exact | null;
  value: (adjustment: Adjustment) => Exact;
}

/** What the forest method chosen for a stand needs: the request with its shared inputs resolved. */
export interface ForestContext {
  request: ForestRightRequest;
  config: ValuationConfig;
  area: Exact;
  qualityFactor: { exact: Exact; record: ValuationInputRecord; defaulted: boolean };
  discountRate: { exact: Exact; record: ValuationInputRecord; defaulted: boolean };
}

/** One forest method's share of a MethodValuation; value-forest-right.ts completes it. */
export interface ForestMethodPart {
  method: string;
  methodDescription: string;
  inputs: Record<string, ValuationInputRecord>;
  warnings: ValuationWarning[];
  sensitive: { discountRate: boolean; price: boolean; volume: boolean };
  defaultedValueDrivers: string[];
  value: (adjustment: Adjustment) => Exact;
}

// ---- stress testing ----

/** A pledge: an asset request plus the loan it secures. */
export interface Pledge {
  id: string;
  asset: ValuationRequest;
  outstandingLoanFen: number;
}

export interface StressedPledge {
  id: string;
  assetType: AssetType;
  valueFen: number;
  lendingValueFen: number;
  maxLoanFen: number;
  outstandingLoanFen: number;
  /** outstanding loan / value, 4 decimals; null when the value is 0. */
  ltv: number | null;
  ltvThreshold: number;
  /** LTV above the threshold (or any loan against a value of 0): a margin call. */
  breach: boolean;
  /** How far the loan exceeds the maximum loan under the scenario, fen (0 if it does not). */
  excessLoanFen: number;
}

export interface StressedScenario {
  id: string;
  name: string;
  description: string;
  pledges: StressedPledge[];
  totals: { valueFen: number; outstandingLoanFen: number; ltv: number | null; breaches: number };
}

export interface StressResult {
  configVersion: string;
  baseline: StressedScenario;
  scenarios: StressedScenario[];
}
