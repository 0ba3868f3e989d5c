import { describe, expect, test } from '@jest/globals';
import { matchOrders, TradingInputError, type BookOrder } from '../index.js';

const ask = (id: string, priceFen: number, remaining: number, placedAt: string, ownerId = 'seller-' + id): BookOrder => ({ id, side: 'sell', ownerId, priceFen, remaining, placedAt });
const bid = (id: string, priceFen: number, remaining: number, placedAt: string, ownerId = 'buyer-' + id): BookOrder => ({ id, side: 'buy', ownerId, priceFen, remaining, placedAt });

describe('matching by price, then time', () => {
  // Water-use rights, lot 1,000 m³. Asks: A 0.42 yuan/m³ ×5,000 (09:00), B 0.40 ×3,000 (09:30),
  // C 0.40 ×2,000 (09:10), D 0.45 ×4,000. A bid for 8,000 m³ up to 0.42 takes C (cheapest, earlier),
  // then B, then 3,000 of A; D is above the limit.
  const book = [ask('A', 42, 5_000, '2026-11-29T09:00:00Z'), ask('B', 40, 3_000, '2026-11-29T09:30:00Z'), ask('C', 40, 2_000, '2026-11-29T09:10:00Z'), ask('D', 45, 4_000, '2026-11-29T08:00:00Z')];

  test('a bid takes the cheapest asks first, the earlier of equal prices first, each at the resting price', () => {
    expect(matchOrders(bid('X', 42, 8_000, '2026-11-29T10:00:00Z'), book, 1_000)).toEqual({
      fills: [
        { restingId: 'C', quantity: 2_000, priceFen: 40, valueFen: 80_000 },
        { restingId: 'B', quantity: 3_000, priceFen: 40, valueFen: 120_000 },
        { restingId: 'A', quantity: 3_000, priceFen: 42, valueFen: 126_000 },
      ],
      remaining: 0,
    });
  });

  test('a bid larger than the crossing asks fills partly and keeps the rest', () => {
    expect(matchOrders(bid('X', 41, 9_000, '2026-11-29T10:00:00Z'), book, 1_000)).toEqual({
      fills: [{ restingId: 'C', quantity: 2_000, priceFen: 40, valueFen: 80_000 }, { restingId: 'B', quantity: 3_000, priceFen: 40, valueFen: 120_000 }],
      remaining: 4_000,
    });
  });

  test('a bid below every ask does not trade', () => {
    expect(matchOrders(bid('X', 39, 1_000, '2026-11-29T10:00:00Z'), book, 1_000)).toEqual({ fills: [], remaining: 1_000 });
  });

  test('an offer takes the highest bids first, the earlier of equal prices first', () => {
    const bids = [bid('P', 5_800, 30, '2026-11-29T09:00:00Z'), bid('Q', 6_000, 20, '2026-11-29T09:20:00Z'), bid('R', 6_000, 50, '2026-11-29T09:05:00Z'), bid('S', 5_500, 100, '2026-11-29T08:00:00Z')];
    // Emission allowance, lot 10 t, ask 58.00 yuan/t for 90 t: R 50 @60.00, Q 20 @60.00, P 20 @58.00 (30 left on P).
    expect(matchOrders(ask('O', 5_800, 90, '2026-11-29T10:00:00Z'), bids, 10)).toEqual({
      fills: [
        { restingId: 'R', quantity: 50, priceFen: 6_000, valueFen: 300_000 },
        { restingId: 'Q', quantity: 20, priceFen: 6_000, valueFen: 120_000 },
        { restingId: 'P', quantity: 20, priceFen: 5_800, valueFen: 116_000 },
      ],
      remaining: 0,
    });
  });
});

describe('minimum lot and partial fills', () => {
  test('fills are whole lots: 2,500 m³ against asks of 1,500 and 4,000 with a 1,000 m³ lot trades 1,000 + 1,000 and leaves 500', () => {
    const book = [ask('A', 40, 1_500, '2026-11-29T09:00:00Z'), ask('B', 41, 4_000, '2026-11-29T09:01:00Z')];
    expect(matchOrders(bid('X', 41, 2_500, '2026-11-29T10:00:00Z'), book, 1_000)).toEqual({
      fills: [{ restingId: 'A', quantity: 1_000, priceFen: 40, valueFen: 40_000 }, { restingId: 'B', quantity: 1_000, priceFen: 41, valueFen: 41_000 }],
      remaining: 500,
    });
  });

  test('a resting order with less than one lot left is passed over', () => {
    const book = [ask('A', 40, 500, '2026-11-29T09:00:00Z'), ask('B', 40, 2_000, '2026-11-29T09:01:00Z')];
    expect(matchOrders(bid('X', 40, 1_000, '2026-11-29T10:00:00Z'), book, 1_000).fills).toEqual([{ restingId: 'B', quantity: 1_000, priceFen: 40, valueFen: 40_000 }]);
  });

  test('the last lot goes to one buyer only', () => {
    const book = [ask('A', 6_000, 10, '2026-11-29T09:00:00Z')];
    expect(matchOrders(bid('X', 6_000, 10, '2026-11-29T10:00:00Z'), book, 10)).toEqual({ fills: [{ restingId: 'A', quantity: 10, priceFen: 6_000, valueFen: 60_000 }], remaining: 0 });
  });
});

describe('what never trades', () => {
  test('an owner’s own orders and same-side orders are passed over', () => {
    const book = [ask('A', 40, 1_000, '2026-11-29T09:00:00Z', 'hotan'), bid('B', 45, 1_000, '2026-11-29T09:00:00Z'), ask('C', 44, 1_000, '2026-11-29T09:05:00Z')];
    expect(matchOrders(bid('X', 45, 2_000, '2026-11-29T10:00:00Z', 'hotan'), book, 1_000)).toEqual({ fills: [{ restingId: 'C', quantity: 1_000, priceFen: 44, valueFen: 44_000 }], remaining: 1_000 });
  });

  test('fractional quantities and a zero lot are refused', () => {
    expect(() => matchOrders(bid('X', 40, 1.5, '2026-11-29T10:00:00Z'), [], 1)).toThrow(TradingInputError);
    expect(() => matchOrders(bid('X', 40, 10, '2026-11-29T10:00:00Z'), [], 0)).toThrow(TradingInputError);
  });
});
