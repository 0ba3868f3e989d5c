import { assertFen } from './assert-fen.js';
import { fenFromBigint } from './fen-from-bigint.js';

/** Sum of many amounts in fen (0 for none); intermediate sums are exact, only the total must be safe. */
export function sumFen(amounts: readonly number[]): number {
  let total = 0n;
  amounts.forEach((amount, index) => {
    assertFen(amount, `amounts[${index}]`);
    total += BigInt(amount);
  });
  return fenFromBigint(total, 'sum');
}
