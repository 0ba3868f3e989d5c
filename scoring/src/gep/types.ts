// Gross ecosystem product (生态产品总值, GEP): each service's value is its physical quantity × unit
// price. Amounts in integer fen, quantities as decimal text in the service's unit.

export const gepCategories = ['provisioning', 'regulating', 'cultural'] as const;
export type GepCategory = (typeof gepCategories)[number];

/** How a unit price was found: market price, replacement / shadow-engineering cost, avoided cost, travel cost. */
export const pricingMethods = ['market_price', 'replacement_cost', 'shadow_engineering', 'avoided_cost', 'travel_cost'] as const;
export type PricingMethod = (typeof pricingMethods)[number];

/** One service of the versioned configuration: what is measured, in which unit, and its unit price with source. */
export interface GepServiceConfig {
  code: string;
  nameZh: string;
  nameEn: string;
  category: GepCategory;
  /** Physical-quantity unit, e.g. 'm3', 't', 'tCO2e', 'm2', 'kWh', 'person_visit'. */
  unit: string;
  method: PricingMethod;
  /** Fen per one unit of quantity. */
  unitPriceFen: number;
  priceSource: string;
}

/** Versioned method parameters and unit prices (scoring/config/gep-config.json). */
export interface GepConfig {
  version: string;
  effectiveFrom: string;
  priceLevel: string;
  source: string;
  services: GepServiceConfig[];
}

/** One priced service line as given to the accounting. */
export interface GepServiceInput {
  code: string;
  category: GepCategory;
  unit: string;
  method: PricingMethod;
  /** Physical quantity (decimal text, ≥ 0); null when there is no data for the year. */
  quantity: string | null;
  unitPriceFen: number;
}

export interface GepAccountInput {
  services: readonly GepServiceInput[];
  /** Resident population (persons). */
  population: number;
  /** Land area in km² (decimal text). */
  areaKm2: string;
  /** Gross domestic product of the region and year, in fen. */
  gdpFen: number;
}

export interface GepServiceValue {
  code: string;
  category: GepCategory;
  unit: string;
  method: PricingMethod;
  quantity: string;
  unitPriceFen: number;
  /** quantity × unit price, rounded half-even once. */
  valueFen: number;
}

export interface GepAccount {
  /** Services with data, priced. */
  services: GepServiceValue[];
  /** Services of the configuration without data for the year (not valued). */
  missing: string[];
  totalFen: number;
  byCategory: Record<GepCategory, number>;
  perCapitaFen: number;
  perKm2Fen: number;
  /** GEP / GDP as a ratio with 4 decimals (unit: 1 = 100 %). */
  gepToGdp: string;
  coverage: { withData: number; expected: number; shareBp: number };
}

/** One service's change against the previous year. */
export interface GepServiceChange {
  code: string;
  unit: string;
  previousQuantity: string | null;
  quantity: string | null;
  /** quantity − previous quantity, in the service's unit (decimal text). */
  quantityChange: string;
  /** Relative physical change in basis points; null without a previous quantity above 0. */
  quantityChangeBp: number | null;
  previousValueFen: number;
  valueFen: number;
  valueChangeFen: number;
  /** (quantity − previous quantity) × previous unit price: the ecological (physical) part of the change. */
  physicalEffectFen: number;
  /** The rest of the change: unit-price movements (never read as ecological gain). */
  priceEffectFen: number;
}

export interface GepYearChange {
  services: GepServiceChange[];
  previousTotalFen: number;
  totalFen: number;
  valueChangeFen: number;
  /** Relative value change in basis points (null when the previous total is 0). */
  valueChangeBp: number | null;
  physicalEffectFen: number;
  priceEffectFen: number;
}
