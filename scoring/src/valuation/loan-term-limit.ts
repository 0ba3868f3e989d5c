import type { ValuationWarning } from './types.js';

export interface LoanTermLimit {
  maxTermYears: number;
  warnings: ValuationWarning[];
}

/**
 * A loan may not outlive the pledged right nor the policy maximum of its asset type:
 * maxTermYears = min(policy maximum, remaining years of the right when known).
 * A requested loan term beyond either is reported, not silently shortened.
 */
export function loanTermLimit(policyMaxYears: number, rightRemainingYears: number | null, requestedYears: number | undefined): LoanTermLimit {
  const maxTermYears = rightRemainingYears === null ? policyMaxYears : Math.min(policyMaxYears, rightRemainingYears);
  const warnings: ValuationWarning[] = [];
  if (rightRemainingYears === null) {
    warnings.push({ code: 'RIGHT_TERM_UNKNOWN', message: `remaining term of the right not given; loan term limited only by the ${policyMaxYears}-year policy maximum`, field: 'rightRemainingYears' });
  }
  if (requestedYears !== undefined && rightRemainingYears !== null && requestedYears > rightRemainingYears) {
    warnings.push({ code: 'LOAN_TERM_BEYOND_RIGHT', message: `loan term ${requestedYears} years is longer than the remaining right (${rightRemainingYears} years)`, field: 'loanTermYears' });
  }
  if (requestedYears !== undefined && requestedYears > policyMaxYears) {
    warnings.push({ code: 'LOAN_TERM_BEYOND_POLICY', message: `loan term ${requestedYears} years is longer than the policy maximum (${policyMaxYears} years)`, field: 'loanTermYears' });
  }
  return { maxTermYears, warnings };
}
