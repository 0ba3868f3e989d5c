import type { ErrorObject } from 'ajv';
import { firstErrorField } from '../../valuation/validation/first-error-field.js';
import { LoanInputError } from '../loan-input-error.js';

/** The LoanInputError for ajv's first error: "<what>: <field> <message>". */
export function loanSchemaError(what: string, errors: ErrorObject[] | null | undefined): LoanInputError {
  const first = errors?.[0];
  if (!first) return new LoanInputError(`${what} is invalid`, '(root)');
  const field = firstErrorField(first);
  const detail = first.keyword === 'enum' ? `${first.message}: ${(first.params as { allowedValues: unknown[] }).allowedValues.join(', ')}` : first.message;
  const suffix = first.keyword === 'additionalProperties' ? ' (unknown field)' : '';
  return new LoanInputError(`${what}: ${field} ${detail ?? 'is invalid'}${suffix}`, field);
}
