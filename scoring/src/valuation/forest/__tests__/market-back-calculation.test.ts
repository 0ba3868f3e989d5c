import { defaultValuationConfig as config } from '../../default-valuation-config.js';
import type { ForestRightRequest } from '../../types.js';
import { valueAsset } from '../../value-asset.js';

const timber = { assetType: 'forest_right', forestType: 'timber', valuationDate: '2026-11-29' } as const;

describe('marketBackCalculation', () => {
  it('values a mature stand by market price back-calculation', () => {
    // W = 1 200 m3 × 80 000 fen = 96 000 000; C = W × 0.4 = 38 400 000; F = C × 0.1 = 3 840 000
    // E = 96 000 000 − 38 400 000 − 3 840 000 = 53 760 000 fen
    const request: ForestRightRequest = { ...timber, ageClass: 'mature', areaHa: 8, harvestVolumeM3: 1200, timberPriceFenPerM3: 80_000, costRate: 0.4, profitRate: 0.1 };
    const result = valueAsset(request, config);
    expect(result.method).toBe('forest_right.market_price_back_calculation');
    expect(result.valueFen).toBe(53_760_000);
    expect(result.inputs.discountRate).toBeUndefined();
  });
});
