import { exactToFen } from './exact-to-fen.js';
import { exactMultiply } from './exact/exact-multiply.js';
import { exact } from './exact/exact.js';
import { exactFromDecimal } from './exact/exact-from-decimal.js';
import { MoneyError } from './money-error.js';
import type { RoundingMode } from './rounding/rounding-mode.js';

/**
 * Yuan text ('1,234.56', '-0.05', '12') to fen. More than two decimals is an error unless a
 * rounding mode is named, so no amount is rounded silently.
 */
export function parseYuan(text: string, rounding?: RoundingMode): number {
  const plain = text.trim().replace(/,/g, '');
  if (!/^[+-]?\d+(\.\d+)?$/.test(plain)) throw new MoneyError(`not a yuan amount: "${text}"`, 'amount');
  const fen = exactMultiply(exactFromDecimal(plain, 'amount'), exact(100n));
  if (fen.numerator % fen.denominator !== 0n && !rounding) {
    throw new MoneyError(`"${text}" has fractions of a fen; name a rounding mode to accept it`, 'amount');
  }
  return exactToFen(fen, rounding, 'amount');
}
