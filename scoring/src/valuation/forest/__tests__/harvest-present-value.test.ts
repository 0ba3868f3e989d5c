import { defaultValuationConfig as config } from '../../default-valuation-config.js';
import type { ForestRightRequest } from '../../types.js';
import { valueAsset } from '../../value-asset.js';

const timber = { assetType: 'forest_right', forestType: 'timber', valuationDate: '2026-11-29' } as const;

describe('harvestPresentValue', () => {
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
});
