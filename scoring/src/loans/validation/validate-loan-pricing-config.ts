import type { ValidateFunction } from 'ajv';
import { LoanInputError } from '../loan-input-error.js';
import type { LoanPricingConfig } from '../types.js';
import { loanSchemaError } from './loan-schema-error.js';
import { loansAjv } from './loans-ajv.js';

const validate = loansAjv.getSchema('https://eco-finance.example/schemas/loans/loan-pricing-config.schema.json') as ValidateFunction<LoanPricingConfig>;

/**
 * Checks a loan-pricing configuration against its schema and the rules a schema cannot state
 * (floor ≤ cap, default threshold ≥ grace, approval tiers rising with only the last unlimited,
 * bank ids unique); returns it typed or throws LoanInputError naming the field.
 */
export function validateLoanPricingConfig(input: unknown): LoanPricingConfig {
  if (!validate(input)) throw loanSchemaError('loan pricing configuration', validate.errors);
  if (input.floorAnnualRate > input.capAnnualRate) throw new LoanInputError('loan pricing configuration: floorAnnualRate is above capAnnualRate', 'floorAnnualRate');
  if (input.overdue.defaultAfterDays < input.overdue.graceDays) throw new LoanInputError('loan pricing configuration: overdue.defaultAfterDays is shorter than overdue.graceDays', 'overdue.defaultAfterDays');
  input.approvalLimits.forEach((bank, b) => {
    if (input.approvalLimits.findIndex((other) => other.bankId === bank.bankId) !== b) throw new LoanInputError(`loan pricing configuration: bank "${bank.bankId}" is listed twice`, `approvalLimits[${b}].bankId`);
    bank.tiers.forEach((tier, t) => {
      const previous = bank.tiers[t - 1]?.maxAmountFen;
      if (t > 0 && (previous === undefined || (tier.maxAmountFen !== undefined && tier.maxAmountFen <= previous))) {
        throw new LoanInputError('loan pricing configuration: approval tiers must rise, and only the last may be unlimited', `approvalLimits[${b}].tiers[${t}].maxAmountFen`);
      }
    });
  });
  return input;
}
