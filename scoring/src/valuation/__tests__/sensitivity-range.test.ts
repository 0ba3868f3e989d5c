import { exact, exactMultiply, exactSubtract, exactToFen } from '../../money/index.js';
import { defaultValuationConfig as config } from '../default-valuation-config.js';
import { sensitivityRange } from '../sensitivity-range.js';
import type { MethodValuation } from '../types.js';
import { valueEmissionRight } from '../value-emission-right.js';

describe('sensitivityRange', () => {
  it('is the point value alone when no sensitivity moves the method', () => {
    const method = valueEmissionRight({ assetType: 'emission_right', pollutant: 'SO2', tonnes: 10, referencePriceFenPerTonne: 1_000_000 });
    const range = sensitivityRange(method, { ...config.sensitivity, priceStep: 0, volumeStep: 0 });
    expect(exactToFen(range.low)).toBe(10_000_000);
    expect(exactToFen(range.high)).toBe(10_000_000);
    expect(range.basis).toBe('no sensitivity applies: range equals the point value');
  });

  it('contains the point even when the value peaks inside the corners', () => {
    // value = 100 − 1000 × (price − 1)²: every corner (price 0.8 or 1.2) is 60, the point is 100
    const peaked: MethodValuation = {
      ...valueEmissionRight({ assetType: 'emission_right', pollutant: 'SO2', tonnes: 1, referencePriceFenPerTonne: 1 }),
      sensitive: { discountRate: false, price: true, volume: false },
      value: (a) => {
        const offset = exactSubtract(a.priceFactor, exact(1n));
        return exactSubtract(exact(100n), exactMultiply(exact(1000n), offset, offset));
      },
    };
    const range = sensitivityRange(peaked, config.sensitivity);
    expect([exactToFen(range.low), exactToFen(range.high)]).toEqual([60, 100]);
    expect(range.highCase).toEqual({ discountRate: null, priceFactor: 1, volumeFactor: 1 });
  });
});
