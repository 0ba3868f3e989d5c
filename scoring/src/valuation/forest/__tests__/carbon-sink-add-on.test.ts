import { defaultValuationConfig as config } from '../../default-valuation-config.js';
import type { ForestRightRequest } from '../../types.js';
import { valueAsset } from '../../value-asset.js';

describe('carbonSinkAddOn', () => {
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
});
