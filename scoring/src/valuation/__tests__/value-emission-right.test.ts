import { defaultValuationConfig as config } from '../default-valuation-config.js';
import type { EmissionRightRequest } from '../types.js';
import { valueAsset } from '../value-asset.js';

const cod: EmissionRightRequest = { assetType: 'emission_right', pollutant: 'COD', tonnes: 100, referencePriceFenPerTonne: 2_000_000, rightRemainingYears: 5 };

describe('valueEmissionRight', () => {
  it('multiplies tonnage by the quoted price of the right', () => {
    // 100 t × 2 000 000 fen (20 000 yuan) = 200 000 000 fen; lending × (1 − 0.2) = 160 000 000; max loan × 0.7 = 112 000 000
    const result = valueAsset(cod, config);
    expect(result).toMatchObject({ method: 'emission_right.market_price', valueFen: 200_000_000, lendingValueFen: 160_000_000, maxLoanFen: 112_000_000, pledgeRate: 0.7 });
  });

  it('rounds an exact half fen to the even neighbour', () => {
    // 0.5 t × 5 fen = 2.5 fen → 2; 1.5 t × 5 fen = 7.5 fen → 8
    expect(valueAsset({ ...cod, tonnes: 0.5, referencePriceFenPerTonne: 5 }, config).valueFen).toBe(2);
    expect(valueAsset({ ...cod, tonnes: 1.5, referencePriceFenPerTonne: 5 }, config).valueFen).toBe(8);
  });

  it('varies only the price in its range, the permitted tonnage being fixed', () => {
    // ± 20 %: 160 000 000 … 240 000 000
    expect(valueAsset(cod, config).range).toMatchObject({ lowFen: 160_000_000, highFen: 240_000_000, low: { volumeFactor: 1, priceFactor: 0.8 } });
  });

  it('values an expired permit at 0', () => {
    const result = valueAsset({ ...cod, rightRemainingYears: 0 }, config);
    expect(result.valueFen).toBe(0);
    expect(result.warnings.map((w) => w.code)).toContain('RIGHT_EXPIRED');
  });
});
