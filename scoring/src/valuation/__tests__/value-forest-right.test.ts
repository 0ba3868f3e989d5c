import { defaultValuationConfig as config } from '../default-valuation-config.js';
import type { ForestRightRequest } from '../types.js';
import { valueAsset } from '../value-asset.js';
import { ValuationInputError } from '../valuation-input-error.js';

const timber = { assetType: 'forest_right', forestType: 'timber', valuationDate: '2026-11-29' } as const;

describe('valueForestRight', () => {
  it.each([
    ['forest_right.replacement_cost', 'young timber stand', { ...timber, ageClass: 'young', costsFenPerHaByYear: [1] }],
    ['forest_right.harvest_present_value', 'middle-aged', { ...timber, ageClass: 'middle', standAgeYears: 10, rotationAgeYears: 25, finalHarvestNetFenPerHa: 1, annualCostFenPerHa: 0 }],
    ['forest_right.harvest_present_value', 'near-mature', { ...timber, ageClass: 'near_mature', standAgeYears: 22, rotationAgeYears: 25, finalHarvestNetFenPerHa: 1, annualCostFenPerHa: 0 }],
    ['forest_right.market_price_back_calculation', 'over-mature', { ...timber, ageClass: 'over_mature', harvestVolumeM3: 1, timberPriceFenPerM3: 1 }],
    ['forest_right.economic_forest_income', 'economic forest', { assetType: 'forest_right', forestType: 'economic', standAgeYears: 1, rotationAgeYears: 2, annualNetIncomeFenPerHa: 1 }],
    ['forest_right.income_capitalisation', 'bamboo', { assetType: 'forest_right', forestType: 'bamboo', annualNetIncomeFenPerHa: 1 }],
    ['forest_right.income_capitalisation', 'forest land', { assetType: 'forest_right', forestType: 'land', annualNetIncomeFenPerHa: 1 }],
  ] as const)('chooses %s (%s)', (method, reason, fields) => {
    const result = valueAsset({ areaHa: 1, ...fields } as ForestRightRequest, config);
    expect(result.method).toBe(method);
    expect(result.methodReason).toContain(reason);
  });

  it('names the missing field when a method lacks an input', () => {
    const request: ForestRightRequest = { ...timber, ageClass: 'mature', areaHa: 8, timberPriceFenPerM3: 80_000 };
    expect(() => valueAsset(request, config)).toThrow(expect.objectContaining({ field: 'harvestVolumeM3' }));
    expect(() => valueAsset({ ...timber, areaHa: 1 }, config)).toThrow(ValuationInputError);
    expect(() => valueAsset({ ...timber, areaHa: 1, standAgeYears: 4, costsFenPerHaByYear: [1, 2, 3] }, config)).toThrow(
      expect.objectContaining({ field: 'ageClass' }),
    );
  });

  it('warns when a stated age class disagrees with stand and rotation age', () => {
    const request: ForestRightRequest = { ...timber, ageClass: 'mature', standAgeYears: 5, rotationAgeYears: 25, areaHa: 1, harvestVolumeM3: 10, timberPriceFenPerM3: 100 };
    expect(valueAsset(request, config).warnings).toContainEqual(expect.objectContaining({ code: 'AGE_CLASS_MISMATCH', field: 'ageClass' }));
  });
});
