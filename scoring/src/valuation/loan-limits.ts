import { exact, exactMultiply, type Exact } from '../money/index.js';
import { lendingValue } from './lending-value.js';
import { loanTermLimit } from './loan-term-limit.js';
import { resolveHaircuts, type ResolvedHaircuts } from './resolve-haircuts.js';
import { resolveInput, type ResolvedInput } from './resolve-input.js';
import type { MethodValuation, ValuationConfig, ValuationRequest, ValuationWarning } from './types.js';

export interface LoanLimits {
  haircuts: ResolvedHaircuts;
  pledgeRate: ResolvedInput;
  lending: Exact;
  maxLoan: Exact;
  maxTermYears: number;
  warnings: ValuationWarning[];
}

/**
 * What a bank may lend against a value: lending value = value × (1 − haircuts) (capped for GEP),
 * maximum loan = lending value × pledge rate — or 0 when the right has no term left, since a loan
 * may not outlive the right — and the maximum term.
 */
export function loanLimits(request: ValuationRequest, config: ValuationConfig, method: MethodValuation, value: Exact): LoanLimits {
  const typeConfig = config.assetTypes[request.assetType];
  const haircuts = resolveHaircuts(request, config);
  const pledgeRate = resolveInput(request.pledgeRate, typeConfig.pledgeRate, 'share of lending value (decimal)', `assetTypes.${request.assetType}.pledgeRate`);
  const lending = lendingValue(value, haircuts.total, method.lendingValueCapShare);
  const term = loanTermLimit(typeConfig.maxLoanTermYears, method.rightRemainingYears, request.loanTermYears);
  const warnings = [...term.warnings];
  if (haircuts.total.numerator === haircuts.total.denominator) {
    warnings.push({ code: 'FULL_HAIRCUT', message: 'haircuts add up to 100 %: nothing can be lent against this asset', field: 'haircuts' });
  }
  if (term.maxTermYears === 0 && lending.numerator > 0n) {
    warnings.push({ code: 'NO_LOAN_TERM_LEFT', message: 'the right has no remaining term, so no loan can be made against it (maxLoanFen 0)', field: 'maxTermYears' });
  }
  const maxLoan = term.maxTermYears === 0 ? exact(0n) : exactMultiply(lending, pledgeRate.exact);
  return { haircuts, pledgeRate, lending, maxLoan, maxTermYears: term.maxTermYears, warnings };
}
