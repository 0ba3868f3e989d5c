import { defaultValuationConfig as config } from '../../default-valuation-config.js';
import type { ForestRightRequest } from '../../types.js';
import { valueAsset } from '../../value-asset.js';

const timber = { assetType: 'forest_right', forestType: 'timber', valuationDate: '2026-11-29' } as const;

describe('replacementCost', () => {
  it('values a young stand by replacement cost, compounding each year’s cost n − i + 1 years', () => {
    // K = 0.9, P = 6 %, C = [150 000, 60 000, 45 000] fen/ha, n = 3, 10 ha
    // Σ = 150 000 × 1.06³ + 60 000 × 1.06² + 45 000 × 1.06 = 178 652.4 + 67 416 + 47 700 = 293 768.4
    // E = 0.9 × 293 768.4 × 10 = 2 643 915.6 → 2 643 916 fen
    const request: ForestRightRequest = { ...timber, ageClass: 'young', areaHa: 10, qualityFactor: 0.9, discountRate: 0.06, costsFenPerHaByYear: [150_000, 60_000, 45_000] };
    const result = valueAsset(request, config);
    expect(result.method).toBe('forest_right.replacement_cost');
    expect(result.valueFen).toBe(2_643_916);
  });

  it('refuses replacement costs that do not cover every stand year', () => {
    const request: ForestRightRequest = { ...timber, ageClass: 'young', standAgeYears: 4, areaHa: 1, costsFenPerHaByYear: [1, 2, 3] };
    expect(() => valueAsset(request, config)).toThrow(expect.objectContaining({ field: 'costsFenPerHaByYear' }));
  });
});
