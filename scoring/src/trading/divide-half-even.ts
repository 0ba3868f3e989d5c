import { exact } from '../money/exact/exact.js';
import { exactToFen } from '../money/exact-to-fen.js';

/** numerator / denominator (integers, denominator > 0) rounded half-even to a whole number. */
export function divideHalfEven(numerator: number, denominator: number): number {
  return exactToFen(exact(BigInt(numerator), BigInt(denominator)));
}
