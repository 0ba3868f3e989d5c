import { exact, exactCompare, exactDivide, exactToDecimalString } from '../money/index.js';
import { assertBp, assertWholeFen } from './assert-input.js';
import type { GuaranteeRules, PortfolioFee } from './types.js';

/**
 * The portfolio's amount-weighted average annual fee rate (Σ amount × rate / Σ amount, exact,
 * shown with 4 decimal places of a bp) against the target (strictly below). An empty portfolio is
 * reported as 0 bp.
 */
export function portfolioAverageFee(rules: GuaranteeRules, guarantees: readonly { amountFen: number; annualRateBp: number }[]): PortfolioFee {
  let weighted = 0n;
  let total = 0n;
  guarantees.forEach((g, i) => {
    assertWholeFen(g.amountFen, `guarantees[${i}].amountFen`);
    assertBp(g.annualRateBp, `guarantees[${i}].annualRateBp`);
    weighted += BigInt(g.amountFen) * BigInt(g.annualRateBp);
    total += BigInt(g.amountFen);
  });
  const average = total === 0n ? exact(0n) : exactDivide(exact(weighted), exact(total));
  const targetBp = rules.portfolioAverageFeeTargetBp;
  return { averageAnnualRateBp: exactToDecimalString(average, 4), totalFen: Number(total), targetBp, belowTarget: exactCompare(average, exact(BigInt(targetBp))) < 0 };
}
