import { assertFen } from '../money/assert-fen.js';
import { divideHalfEven } from './divide-half-even.js';
import { TradingInputError } from './trading-input-error.js';
import type { PeriodPrice, TradePrint } from './types.js';

/**
 * Volume-weighted average price per period: Σ(price × quantity) / Σ quantity, rounded half-even to
 * whole fen per unit (the only rounding). Periods in ascending order; periods without trades absent.
 */
export function volumeWeightedPrices(trades: readonly TradePrint[]): PeriodPrice[] {
  const byPeriod = new Map<string, { volume: number; valueFen: number; trades: number }>();
  for (const [i, t] of trades.entries()) {
    if (!Number.isSafeInteger(t.quantity) || t.quantity <= 0) throw new TradingInputError('quantity must be a positive whole number', `trades.${i}.quantity`);
    assertFen(t.priceFen, `trades.${i}.priceFen`);
    const sum = byPeriod.get(t.period) ?? { volume: 0, valueFen: 0, trades: 0 };
    sum.volume += t.quantity;
    sum.valueFen += t.priceFen * t.quantity;
    sum.trades += 1;
    assertFen(sum.valueFen, `trades.${i}.valueFen`);
    byPeriod.set(t.period, sum);
  }
  return [...byPeriod.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([period, s]) => ({ period, volume: s.volume, valueFen: s.valueFen, vwapFen: divideHalfEven(s.valueFen, s.volume), trades: s.trades }));
}
