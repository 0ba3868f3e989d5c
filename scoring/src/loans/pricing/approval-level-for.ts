import { LoanInputError } from '../loan-input-error.js';
import type { ApprovalTier, LoanPricingConfig } from '../types.js';

/**
 * The lowest approval tier of a bank whose limit covers the amount (tiers in configured order,
 * the last usually without a limit); throws LoanInputError when the bank has no tiers or none
 * covers the amount.
 */
export function approvalLevelFor(config: LoanPricingConfig, bankId: string, amountFen: number): ApprovalTier {
  const bank = config.approvalLimits.find((b) => b.bankId === bankId);
  if (!bank) throw new LoanInputError(`no approval limits configured for bank "${bankId}"`, 'bankId');
  const tier = bank.tiers.find((t) => t.maxAmountFen === undefined || amountFen <= t.maxAmountFen);
  if (!tier) throw new LoanInputError(`amount ${amountFen} fen is above every approval limit of bank "${bankId}"`, 'amountFen');
  return tier;
}
