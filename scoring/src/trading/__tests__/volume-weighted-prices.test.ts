import { describe, expect, test } from '@jest/globals';
import { TradingInputError, volumeWeightedPrices } from '../index.js';

describe('volume-weighted price per period', () => {
  test('Σ price × quantity / Σ quantity per day, periods in order', () => {
    // 29 Nov: 2,000 @ 40 + 3,000 @ 40 + 3,000 @ 42 = 326,000 fen / 8,000 m³ = 40.75 → 41 fen/m³ (half-even).
    // 28 Nov: 1,000 @ 43 = 43.
    expect(volumeWeightedPrices([
      { period: '2026-11-29', quantity: 2_000, priceFen: 40 },
      { period: '2026-11-28', quantity: 1_000, priceFen: 43 },
      { period: '2026-11-29', quantity: 3_000, priceFen: 40 },
      { period: '2026-11-29', quantity: 3_000, priceFen: 42 },
    ])).toEqual([
      { period: '2026-11-28', volume: 1_000, valueFen: 43_000, vwapFen: 43, trades: 1 },
      { period: '2026-11-29', volume: 8_000, valueFen: 326_000, vwapFen: 41, trades: 3 },
    ]);
  });

  test('an exact half rounds to the even fen', () => {
    // 1 t @ 5,801 + 1 t @ 5,800 = 11,601 / 2 = 5,800.5 → 5,800; 1 @ 5,803 + 1 @ 5,800 = 5,801.5 → 5,802.
    expect(volumeWeightedPrices([{ period: 'a', quantity: 1, priceFen: 5_801 }, { period: 'a', quantity: 1, priceFen: 5_800 }])[0]!.vwapFen).toBe(5_800);
    expect(volumeWeightedPrices([{ period: 'b', quantity: 1, priceFen: 5_803 }, { period: 'b', quantity: 1, priceFen: 5_800 }])[0]!.vwapFen).toBe(5_802);
  });

  test('no trades, no prices; a zero quantity is refused', () => {
    expect(volumeWeightedPrices([])).toEqual([]);
    expect(() => volumeWeightedPrices([{ period: 'a', quantity: 0, priceFen: 1 }])).toThrow(TradingInputError);
  });
});
