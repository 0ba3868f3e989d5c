import { defaultValuationConfig as config } from '../../default-valuation-config.js';
import type { ForestRightRequest } from '../../types.js';
import { valueAsset } from '../../value-asset.js';

describe('perpetualIncome', () => {
  it('capitalises forest land rent the same way: 45 000 / 0.045 × 2 ha = 2 000 000 fen', () => {
    const request: ForestRightRequest = { assetType: 'forest_right', forestType: 'land', areaHa: 2, discountRate: 0.045, annualNetIncomeFenPerHa: 45_000 };
    expect(valueAsset(request, config).valueFen).toBe(2_000_000);
  });
});

describe('perpetualIncome without a rate', () => {
  it('refuses a discount rate of 0, which would make the value infinite', () => {
    const request: ForestRightRequest = { assetType: 'forest_right', forestType: 'bamboo', areaHa: 1, discountRate: 0, annualNetIncomeFenPerHa: 1 };
    expect(() => valueAsset(request, config)).toThrow(expect.objectContaining({ field: 'discountRate' }));
  });
});
