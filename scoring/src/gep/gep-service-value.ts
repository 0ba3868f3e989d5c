import { exactMultiply, exactToFen, toExact, assertFen, exactCompare, exact } from '../money/index.js';
import { GepInputError } from './gep-input-error.js';

/** One service's value: quantity × unit price (fen per unit), exact, rounded half-even once. */
export function gepServiceValue(quantity: string, unitPriceFen: number, field = 'quantity'): number {
  assertFen(unitPriceFen, 'unitPriceFen');
  if (unitPriceFen < 0) throw new GepInputError('unit price must not be negative', 'unitPriceFen');
  let q;
  try {
    q = toExact(quantity, field);
  } catch {
    throw new GepInputError(`${field} is not a decimal number: ${quantity}`, field);
  }
  if (exactCompare(q, exact(0n)) < 0) throw new GepInputError(`${field} must not be negative`, field);
  return exactToFen(exactMultiply(q, toExact(unitPriceFen)));
}
