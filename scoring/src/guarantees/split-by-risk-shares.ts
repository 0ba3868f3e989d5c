import { allocateFen } from '../money/index.js';
import { assertWholeFen } from './assert-input.js';
import { checkRiskShares } from './check-risk-shares.js';
import { GuaranteeInputError } from './guarantee-input-error.js';
import { riskParties, type RiskShares, type RiskSplit } from './types.js';

/**
 * Splits a compensation, re-guarantee claim or recovery among the four parties by their risk
 * shares with allocateFen: each share rounded down, then the fen left over handed out one at a time
 * in the order original guarantor → re-guarantor → bank → local government (skipping zero shares).
 * The parts always add up to the amount. 1 000 001 fen at 40/30/20/10 → 400 001 / 300 000 / 200 000 / 100 000.
 */
export function splitByRiskShares(amountFen: number, shares: RiskShares): RiskSplit {
  assertWholeFen(amountFen, 'amountFen');
  const check = checkRiskShares(shares);
  if (!check.valid) throw new GuaranteeInputError(check.message, 'riskShares');
  const parts = allocateFen(amountFen, riskParties.map((p) => shares[`${p}Bp`]));
  return Object.fromEntries(riskParties.map((p, i) => [p, parts[i]!])) as RiskSplit;
}
