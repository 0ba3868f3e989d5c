import { defaultValuationConfig as config } from '../default-valuation-config.js';
import { effectiveSensitivity } from '../effective-sensitivity.js';

describe('effectiveSensitivity', () => {
  it('uses the default steps: ±1.5 points, ±20 %, ±15 %', () => {
    expect(effectiveSensitivity(config, 'water_right')).toEqual({ discountRateStep: 0.015, priceStep: 0.2, volumeStep: 0.15, discountRateFloor: 0.01 });
  });

  it('applies an asset type’s overrides: no volume step for permitted tonnage', () => {
    expect(effectiveSensitivity(config, 'emission_right').volumeStep).toBe(0);
  });
});
