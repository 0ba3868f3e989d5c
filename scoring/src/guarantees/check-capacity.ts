import { exact, exactMultiply, exactToFen, roundDown } from '../money/index.js';
import { assertWholeFen } from './assert-input.js';
import type { CapacityBreach, CapacityCheck, CapacityInput, GuaranteeRules } from './types.js';

/**
 * The capacity rules: outstanding guarantees after this one ≤ multiple × net assets (10×, or 15×
 * for institutions mainly serving small business and agriculture) and the obligor's outstanding
 * after this one ≤ 10 % of net assets (rounded down to the fen). Every breach is listed with its figures.
 */
export function checkCapacity(rules: GuaranteeRules, input: CapacityInput): CapacityCheck {
  for (const key of ['netAssetsFen', 'outstandingFen', 'obligorOutstandingFen', 'requestFen'] as const) assertWholeFen(input[key], key);
  const multiple = input.mainlySmallBusinessAgriculture ? rules.capacity.smallBusinessAgricultureMultiple : rules.capacity.outstandingMultiple;
  const outstandingLimitFen = exactToFen(exactMultiply(exact(BigInt(input.netAssetsFen)), exact(BigInt(multiple))), roundDown, 'outstandingLimitFen');
  const obligorLimitFen = exactToFen(exactMultiply(exact(BigInt(input.netAssetsFen)), exact(BigInt(rules.capacity.singleObligorShareBp), 10_000n)), roundDown, 'obligorLimitFen');
  const outstandingAfterFen = input.outstandingFen + input.requestFen;
  const obligorAfterFen = input.obligorOutstandingFen + input.requestFen;
  const breaches: CapacityBreach[] = [];
  if (outstandingAfterFen > outstandingLimitFen) {
    breaches.push({ limit: 'outstanding_multiple', limitFen: outstandingLimitFen, afterFen: outstandingAfterFen, message: `outstanding guarantees would be ${outstandingAfterFen} fen, above ${multiple} × net assets = ${outstandingLimitFen} fen` });
  }
  if (obligorAfterFen > obligorLimitFen) {
    breaches.push({ limit: 'single_obligor', limitFen: obligorLimitFen, afterFen: obligorAfterFen, message: `the obligor's guarantees would be ${obligorAfterFen} fen, above ${rules.capacity.singleObligorShareBp / 100} % of net assets = ${obligorLimitFen} fen` });
  }
  return { allowed: breaches.length === 0, multiple, outstandingLimitFen, outstandingAfterFen, obligorLimitFen, obligorAfterFen, breaches };
}
