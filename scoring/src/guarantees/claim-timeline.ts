import { GuaranteeInputError } from './guarantee-input-error.js';
import type { ClaimTimeline, GuaranteeRules } from './types.js';

const dayMs = 86_400_000;
const iso = /^\d{4}-\d{2}-\d{2}$/;

function plusDays(date: string, days: number, field: string): string {
  if (!iso.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`))) throw new GuaranteeInputError(`${field} must be an ISO date YYYY-MM-DD, got ${date}`, field);
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * dayMs).toISOString().slice(0, 10);
}

/**
 * The claim deadlines of the rules: a claim may be filed `overdueDaysBeforeClaim` days after the
 * loan first fell overdue; the guarantor pays within `daysToPay` days of the claim; the re-guarantee
 * claim is due within `reguaranteeClaimDays` of compensation. Later dates are null until their step happened.
 */
export function claimTimeline(rules: GuaranteeRules, dates: { overdueSince: string; claimedOn?: string | null; compensatedOn?: string | null }): ClaimTimeline {
  return {
    claimableFrom: plusDays(dates.overdueSince, rules.claims.overdueDaysBeforeClaim, 'overdueSince'),
    payBy: dates.claimedOn ? plusDays(dates.claimedOn, rules.claims.daysToPay, 'claimedOn') : null,
    reguaranteeClaimBy: dates.compensatedOn ? plusDays(dates.compensatedOn, rules.claims.reguaranteeClaimDays, 'compensatedOn') : null,
  };
}
