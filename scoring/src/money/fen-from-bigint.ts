import { MoneyError } from './money-error.js';

const MAX = BigInt(Number.MAX_SAFE_INTEGER);

/** Turns an integer count of fen held as bigint into a number, refusing anything beyond safe integers. */
export function fenFromBigint(fen: bigint, field = 'amountFen'): number {
  if (fen > MAX || fen < -MAX) throw new MoneyError(`${field} ${fen} fen exceeds the safe integer range`, field);
  return Number(fen);
}
