import { defaultValuationConfig as config } from '../../default-valuation-config.js';
import type { ForestRightRequest } from '../../types.js';
import { valueAsset } from '../../value-asset.js';

describe('economicForestAnnuity', () => {
  it('values an economic forest by its income over the u − n remaining years', () => {
    // A = 300 000 fen/ha, u − n = 15 − 10 = 5, P = 5 %, 4 ha
    // factor = [(1.05⁵ − 1) / (0.05 × 1.05⁵)] = 4.3294766706; E = 300 000 × 4.3294766706 × 4 = 5 195 372.0048 → 5 195 372
    const request: ForestRightRequest = { assetType: 'forest_right', forestType: 'economic', standAgeYears: 10, rotationAgeYears: 15, areaHa: 4, discountRate: 0.05, annualNetIncomeFenPerHa: 300_000 };
    expect(valueAsset(request, config)).toMatchObject({ method: 'forest_right.economic_forest_income', valueFen: 5_195_372 });
  });
});

describe('economicForestAnnuity at the end of its productive life', () => {
  it('values a stand with no productive years left at 0 and warns', () => {
    const request: ForestRightRequest = { assetType: 'forest_right', forestType: 'economic', standAgeYears: 15, rotationAgeYears: 15, areaHa: 4, discountRate: 0.05, annualNetIncomeFenPerHa: 300_000 };
    const result = valueAsset(request, config);
    expect(result.valueFen).toBe(0);
    expect(result.warnings.map((w) => w.code)).toContain('NO_PRODUCTIVE_YEARS_LEFT');
  });

  it('is A × (u − n) × area when nothing is discounted: 300 000 × 5 × 4 = 6 000 000', () => {
    const request: ForestRightRequest = { assetType: 'forest_right', forestType: 'economic', standAgeYears: 10, rotationAgeYears: 15, areaHa: 4, discountRate: 0, annualNetIncomeFenPerHa: 300_000 };
    expect(valueAsset(request, config).valueFen).toBe(6_000_000);
  });
});
