import { assertFen } from '../money/assert-fen.js';
import { TradingInputError } from './trading-input-error.js';
import type { BookOrder, Fill, MatchResult } from './types.js';

function wholeUnits(value: number, field: string, minimum: number): void {
  if (!Number.isSafeInteger(value) || value < minimum) throw new TradingInputError(`${field} must be a whole number ≥ ${minimum}`, field);
}

/** Better resting order first: lowest ask / highest bid, then earlier placement, then id. */
function priority(incomingSide: BookOrder['side']) {
  return (a: BookOrder, b: BookOrder): number => {
    if (a.priceFen !== b.priceFen) return incomingSide === 'buy' ? a.priceFen - b.priceFen : b.priceFen - a.priceFen;
    if (a.placedAt !== b.placedAt) return a.placedAt < b.placedAt ? -1 : 1;
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  };
}

const crosses = (incoming: BookOrder, resting: BookOrder): boolean =>
  incoming.side === 'buy' ? resting.priceFen <= incoming.priceFen : resting.priceFen >= incoming.priceFen;

/**
 * Matches an incoming order against the resting orders of the other side by price, then time.
 * Each fill is a whole number of minimum lots at the resting order's price; a resting order with
 * less than one lot left, or placed by the same owner, is passed over. Pure: the caller applies
 * the fills (each one a conditional decrement of both orders).
 */
export function matchOrders(incoming: BookOrder, book: readonly BookOrder[], lot: number): MatchResult {
  wholeUnits(lot, 'lot', 1);
  wholeUnits(incoming.remaining, 'incoming.remaining', 0);
  assertFen(incoming.priceFen, 'incoming.priceFen');
  if (incoming.priceFen < 1) throw new TradingInputError('incoming.priceFen must be at least 1 fen', 'incoming.priceFen');
  const candidates = book
    .filter((o) => o.side !== incoming.side && o.ownerId !== incoming.ownerId && crosses(incoming, o))
    .map((o) => {
      wholeUnits(o.remaining, `book.${o.id}.remaining`, 0);
      assertFen(o.priceFen, `book.${o.id}.priceFen`);
      return o;
    })
    .sort(priority(incoming.side));
  const fills: Fill[] = [];
  let remaining = incoming.remaining;
  for (const resting of candidates) {
    const lots = Math.floor(Math.min(remaining, resting.remaining) / lot);
    if (lots === 0) {
      if (remaining < lot) break;
      continue;
    }
    const quantity = lots * lot;
    const valueFen = resting.priceFen * quantity;
    assertFen(valueFen, 'valueFen');
    fills.push({ restingId: resting.id, quantity, priceFen: resting.priceFen, valueFen });
    remaining -= quantity;
  }
  return { fills, remaining };
}
