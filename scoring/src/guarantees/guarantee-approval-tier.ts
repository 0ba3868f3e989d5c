import { assertWholeFen } from './assert-input.js';
import type { GuaranteeApprovalTier, GuaranteeRules } from './types.js';

/**
 * The lowest approval tier that covers the amount, and whether an approver of `approverLevel`
 * may approve it (an approver's level covers its own tier and every lower one).
 */
export function guaranteeApprovalTier(rules: GuaranteeRules, amountFen: number, approverLevel: string): { required: GuaranteeApprovalTier; allowed: boolean } {
  assertWholeFen(amountFen, 'amountFen');
  const index = rules.approvalTiers.findIndex((t) => t.maxAmountFen === undefined || amountFen <= t.maxAmountFen);
  const requiredIndex = index === -1 ? rules.approvalTiers.length - 1 : index;
  const approverIndex = rules.approvalTiers.findIndex((t) => t.level === approverLevel);
  return { required: rules.approvalTiers[requiredIndex]!, allowed: approverIndex >= requiredIndex };
}
