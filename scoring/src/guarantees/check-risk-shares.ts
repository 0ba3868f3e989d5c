import { assertBp } from './assert-input.js';
import { riskParties, type RiskShares } from './types.js';

/** Whether four risk shares (bp) total exactly 100 % (10 000 bp); the message names the total when not. */
export function checkRiskShares(shares: RiskShares): { valid: boolean; totalBp: number; message: string } {
  for (const party of riskParties) assertBp(shares[`${party}Bp`], `riskShares.${party}Bp`);
  const totalBp = riskParties.reduce((sum, party) => sum + shares[`${party}Bp`], 0);
  const valid = totalBp === 10_000;
  return { valid, totalBp, message: valid ? 'risk shares total 100 %' : `risk shares must total 10000 bp (100 %), got ${totalBp} bp` };
}
