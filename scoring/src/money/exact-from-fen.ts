import { assertFen } from './assert-fen.js';
import { exact, type Exact } from './exact/exact.js';

/** An amount of fen as an exact value, checked to be a safe integer first. */
export function exactFromFen(amountFen: number, field = 'amountFen'): Exact {
  assertFen(amountFen, field);
  return exact(BigInt(amountFen));
}
