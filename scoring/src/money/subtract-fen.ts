import { assertFen } from './assert-fen.js';
import { fenFromBigint } from './fen-from-bigint.js';

/** a − b in fen; throws MoneyError if an operand or the difference is not a safe integer. */
export function subtractFen(a: number, b: number): number {
  assertFen(a, 'a');
  assertFen(b, 'b');
  return fenFromBigint(BigInt(a) - BigInt(b), 'difference');
}
