import { assertBp, assertWholeFen } from './assert-input.js';
import type { FeeCapCheck, GuaranteeRules } from './types.js';

/**
 * The policy fee cap for a borrower whose guarantees total `singleBorrowerFen` (this one
 * included): the first tier whose limit covers it (≤ 5 million yuan → 1 %/yr, above → 1.5 %/yr by
 * default). A rate equal to the cap is allowed.
 */
export function checkFeeCap(rules: GuaranteeRules, input: { singleBorrowerFen: number; annualRateBp: number }): FeeCapCheck {
  assertWholeFen(input.singleBorrowerFen, 'singleBorrowerFen');
  assertBp(input.annualRateBp, 'annualRateBp');
  const tier = rules.feeCaps.find((t) => t.maxSingleBorrowerFen === undefined || input.singleBorrowerFen <= t.maxSingleBorrowerFen) ?? rules.feeCaps[rules.feeCaps.length - 1]!;
  const allowed = input.annualRateBp <= tier.maxAnnualRateBp;
  const scope = tier.maxSingleBorrowerFen === undefined ? 'above every limited tier' : `≤ ${tier.maxSingleBorrowerFen} fen`;
  return {
    allowed, annualRateBp: input.annualRateBp, capAnnualRateBp: tier.maxAnnualRateBp, singleBorrowerFen: input.singleBorrowerFen, tier,
    message: allowed
      ? `fee ${input.annualRateBp} bp/yr within the cap of ${tier.maxAnnualRateBp} bp/yr (single borrower ${input.singleBorrowerFen} fen, ${scope})`
      : `fee ${input.annualRateBp} bp/yr is above the cap of ${tier.maxAnnualRateBp} bp/yr for a single borrower of ${input.singleBorrowerFen} fen (${scope})`,
  };
}
