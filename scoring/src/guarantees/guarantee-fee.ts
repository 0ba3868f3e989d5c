import { exact, exactMultiply, exactToFen, roundHalfEven } from '../money/index.js';
import { assertBp, assertWholeFen } from './assert-input.js';
import { GuaranteeInputError } from './guarantee-input-error.js';

/**
 * The guarantee fee: amount × annual rate × days / 365, in fen, computed exactly and rounded once
 * half-even. 5 000 000 yuan at 80 bp for 365 days → 40 000 yuan.
 */
export function guaranteeFee(amountFen: number, annualRateBp: number, days: number): number {
  assertWholeFen(amountFen, 'amountFen');
  assertBp(annualRateBp, 'annualRateBp');
  if (!(Number.isInteger(days) && days > 0 && days <= 36_500)) throw new GuaranteeInputError(`days must be a whole number 1–36500, got ${days}`, 'days');
  return exactToFen(exactMultiply(exact(BigInt(amountFen)), exact(BigInt(annualRateBp), 10_000n), exact(BigInt(days), 365n)), roundHalfEven, 'fee');
}
