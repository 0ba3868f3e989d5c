import fc from 'fast-check';
import type { ValuationRequest } from '../types.js';

// fast-check generators of valid requests of every asset type, for property tests (not a test file).
const rate = fc.integer({ min: 0, max: 1000 }).map((n) => n / 10_000); // 0 … 10 %
const price = fc.integer({ min: 0, max: 5_000_000 });
const quantity = fc.integer({ min: 0, max: 10_000_000 });

export const arbitraryRequest: fc.Arbitrary<ValuationRequest> = fc.oneof(
  fc.record({ assetType: fc.constant('water_right' as const), annualVolumeM3: quantity, reliabilityFactor: rate.map((r) => 1 - r), pricePerM3Fen: fc.integer({ min: 0, max: 200 }), priceGrowthRate: rate.map((r) => r - 0.05), remainingYears: fc.integer({ min: 0, max: 30 }), discountRate: rate }),
  fc.record({ assetType: fc.constant('land_right' as const), areaMu: fc.integer({ min: 1, max: 10_000 }), annualNetIncomeFenPerMu: fc.integer({ min: 0, max: 200_000 }), remainingYears: fc.integer({ min: 0, max: 30 }), discountRate: rate, improvementsFen: price }),
  fc.record({ assetType: fc.constant('emission_right' as const), pollutant: fc.constantFrom('COD' as const, 'SO2' as const), tonnes: quantity.map((q) => q / 1000), referencePriceFenPerTonne: price }),
  fc.record({ assetType: fc.constant('carbon' as const), kind: fc.constantFrom('CEA' as const, 'CCER' as const, 'forestry' as const), quantityTco2e: quantity, spotPriceFenPerT: fc.integer({ min: 0, max: 12_000 }), avg20dPriceFenPerT: fc.integer({ min: 0, max: 12_000 }) }),
  fc.record({
    assetType: fc.constant('forest_right' as const), forestType: fc.constant('timber' as const), ageClass: fc.constant('near_mature' as const),
    standAgeYears: fc.integer({ min: 1, max: 20 }), rotationAgeYears: fc.integer({ min: 21, max: 40 }), areaHa: fc.integer({ min: 1, max: 500 }),
    discountRate: rate.map((r) => r + 0.001), finalHarvestNetFenPerHa: price, annualCostFenPerHa: fc.integer({ min: 0, max: 200_000 }),
    thinnings: fc.array(fc.record({ ageYears: fc.integer({ min: 1, max: 40 }), netFenPerHa: price }), { maxLength: 3 }),
  }),
  fc.record({ assetType: fc.constant('forest_right' as const), forestType: fc.constantFrom('bamboo' as const, 'land' as const), areaHa: fc.integer({ min: 1, max: 500 }), discountRate: rate.map((r) => r + 0.001), annualNetIncomeFenPerHa: price }),
  fc.record({
    assetType: fc.constant('gep_site' as const), cashFlowBacked: fc.boolean(),
    services: fc.array(fc.record({ name: fc.constant('service'), quantity, unit: fc.constant('m3'), unitPriceFen: fc.integer({ min: 0, max: 2000 }) }), { minLength: 1, maxLength: 4 }),
  }),
);
