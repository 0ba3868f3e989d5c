import { defaultValuationConfig as config } from '../default-valuation-config.js';
import type { ForestRightRequest } from '../types.js';
import { valueAsset } from '../value-asset.js';
import { ValuationInputError } from '../valuation-input-error.js';

const timber = { assetType: 'forest_right', forestType: 'timber', valuationDate: '2026-11-29' } as const;

describe('valueForestRight', () => {
  it('values a young stand by replacement cost, compounding each year’s cost n − i + 1 years', () => {
    // K = 0.9, P = 6 %, C = [150 000, 60 000, 45 000] fen/ha, n = 3, 10 ha
    // Σ = 150 000 × 1.06³ + 60 000 × 1.06² + 45 000 × 1.06 = 178 652.4 + 67 416 + 47 700 = 293 768.4
    // E = 0.9 × 293 768.4 × 10 = 2 643 915.6 → 2 643 916 fen
    const request: ForestRightRequest = { ...timber, ageClass: 'young', areaHa: 10, qualityFactor: 0.9, discountRate: 0.06, costsFenPerHaByYear: [150_000, 60_000, 45_000] };
    const result = valueAsset(request, config);
    expect(result.method).toBe('forest_right.replacement_cost');
    expect(result.valueFen).toBe(2_643_916);
  });

  it('values a middle-aged stand by harvest present value, costs discounted from the end of each year', () => {
    // n = 15 (0.6 of u = 25 → middle, derived), K = 1, P = 6 %, 2 ha
    // at rotation: 3 000 000 + 500 000 × 1.06⁵ = 3 000 000 + 669 112.7888 = 3 669 112.7888
    // today: 3 669 112.7888 / 1.06¹⁰ = 3 669 112.7888 / 1.7908476965 = 2 048 813.4172
    // costs: 20 000 × Σ_{k=1..10} 1.06^−k = 20 000 × 7.3600870514 = 147 201.7410
    // E = (2 048 813.4172 − 147 201.7410) × 2 = 3 803 223.3523 → 3 803 223 fen
    const request: ForestRightRequest = {
      ...timber,
      standAgeYears: 15,
      rotationAgeYears: 25,
      areaHa: 2,
      discountRate: 0.06,
      finalHarvestNetFenPerHa: 3_000_000,
      thinnings: [{ ageYears: 20, netFenPerHa: 500_000 }],
      annualCostFenPerHa: 20_000,
    };
    const result = valueAsset(request, config);
    expect(result.method).toBe('forest_right.harvest_present_value');
    expect(result.inputs.ageClass).toMatchObject({ value: 'middle', source: 'configuration', configPath: 'forestAgeClasses.bounds' });
    expect(result.valueFen).toBe(3_803_223);
    expect(result.methodDescription).toContain('paid at the END of year i and discounted i−n whole years');
  });

  it('ignores a thinning already past and says so', () => {
    const request: ForestRightRequest = {
      ...timber, standAgeYears: 15, rotationAgeYears: 25, areaHa: 2, discountRate: 0.06,
      finalHarvestNetFenPerHa: 3_000_000, thinnings: [{ ageYears: 12, netFenPerHa: 500_000 }, { ageYears: 20, netFenPerHa: 500_000 }], annualCostFenPerHa: 20_000,
    };
    const result = valueAsset(request, config);
    expect(result.valueFen).toBe(3_803_223);
    expect(result.warnings).toContainEqual(expect.objectContaining({ code: 'THINNING_IGNORED', field: 'thinnings[0].ageYears' }));
  });

  it('values a mature stand by market price back-calculation', () => {
    // W = 1 200 m3 × 80 000 fen = 96 000 000; C = W × 0.4 = 38 400 000; F = C × 0.1 = 3 840 000
    // E = 96 000 000 − 38 400 000 − 3 840 000 = 53 760 000 fen
    const request: ForestRightRequest = { ...timber, ageClass: 'mature', areaHa: 8, harvestVolumeM3: 1200, timberPriceFenPerM3: 80_000, costRate: 0.4, profitRate: 0.1 };
    const result = valueAsset(request, config);
    expect(result.method).toBe('forest_right.market_price_back_calculation');
    expect(result.valueFen).toBe(53_760_000);
    expect(result.inputs.discountRate).toBeUndefined();
  });

  it('values an economic forest by its income over the u − n remaining years', () => {
    // A = 300 000 fen/ha, u − n = 15 − 10 = 5, P = 5 %, 4 ha
    // factor = [(1.05⁵ − 1) / (0.05 × 1.05⁵)] = 4.3294766706; E = 300 000 × 4.3294766706 × 4 = 5 195 372.0048 → 5 195 372
    const request: ForestRightRequest = { assetType: 'forest_right', forestType: 'economic', standAgeYears: 10, rotationAgeYears: 15, areaHa: 4, discountRate: 0.05, annualNetIncomeFenPerHa: 300_000 };
    expect(valueAsset(request, config)).toMatchObject({ method: 'forest_right.economic_forest_income', valueFen: 5_195_372 });
  });

  it('capitalises a bamboo stand’s income and adds a discounted, buffered carbon sink', () => {
    // stand: 90 000 / 0.045 × 3 ha = 6 000 000
    // sink: 100 t × 6 000 fen × (1 − 0.2) = 480 000 a year for 2 years: 480 000 × (1/1.045 + 1/1.045²)
    //       = 480 000 × 1.8726677503 = 898 880.5201
    // E = 6 898 880.5201 → 6 898 881 fen
    const request: ForestRightRequest = {
      assetType: 'forest_right', forestType: 'bamboo', areaHa: 3, discountRate: 0.045, annualNetIncomeFenPerHa: 90_000,
      carbonSink: { annualSequestrationTco2e: 100, carbonPriceFenPerT: 6_000, years: 2 },
    };
    const result = valueAsset(request, config);
    expect(result.method).toBe('forest_right.income_capitalisation');
    expect(result.valueFen).toBe(6_898_881);
    expect(result.inputs['carbonSink.bufferRate']).toMatchObject({ value: 0.2, source: 'default' });
  });

  it('capitalises forest land rent the same way: 45 000 / 0.045 × 2 ha = 2 000 000 fen', () => {
    const request: ForestRightRequest = { assetType: 'forest_right', forestType: 'land', areaHa: 2, discountRate: 0.045, annualNetIncomeFenPerHa: 45_000 };
    expect(valueAsset(request, config).valueFen).toBe(2_000_000);
  });

  it('names the missing field when a method lacks an input', () => {
    const request: ForestRightRequest = { ...timber, ageClass: 'mature', areaHa: 8, timberPriceFenPerM3: 80_000 };
    expect(() => valueAsset(request, config)).toThrow(expect.objectContaining({ field: 'harvestVolumeM3' }));
    expect(() => valueAsset({ ...timber, areaHa: 1 }, config)).toThrow(ValuationInputError);
    expect(() => valueAsset({ ...timber, areaHa: 1, standAgeYears: 4, costsFenPerHaByYear: [1, 2, 3] }, config)).toThrow(
      expect.objectContaining({ field: 'ageClass' }),
    );
  });

  it('refuses replacement costs that do not cover every stand year', () => {
    const request: ForestRightRequest = { ...timber, ageClass: 'young', standAgeYears: 4, areaHa: 1, costsFenPerHaByYear: [1, 2, 3] };
    expect(() => valueAsset(request, config)).toThrow(expect.objectContaining({ field: 'costsFenPerHaByYear' }));
  });

  it('floors a stand whose remaining costs exceed its harvest at 0 and warns', () => {
    const request: ForestRightRequest = {
      ...timber, ageClass: 'near_mature', standAgeYears: 20, rotationAgeYears: 25, areaHa: 1, discountRate: 0.05,
      finalHarvestNetFenPerHa: 10_000, annualCostFenPerHa: 50_000,
    };
    const result = valueAsset(request, config);
    expect(result.valueFen).toBe(0);
    expect(result.lendingValueFen).toBe(0);
    expect(result.warnings.map((w) => w.code)).toContain('NEGATIVE_VALUE_FLOORED');
  });

  it('warns when a stated age class disagrees with stand and rotation age', () => {
    const request: ForestRightRequest = { ...timber, ageClass: 'mature', standAgeYears: 5, rotationAgeYears: 25, areaHa: 1, harvestVolumeM3: 10, timberPriceFenPerM3: 100 };
    expect(valueAsset(request, config).warnings).toContainEqual(expect.objectContaining({ code: 'AGE_CLASS_MISMATCH', field: 'ageClass' }));
  });
});
