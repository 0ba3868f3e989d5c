import type { ErrorObject } from 'ajv';
import { ValuationInputError } from '../valuation-input-error.js';
import { firstErrorField } from './first-error-field.js';

/** The ValuationInputError for ajv's first error: "<what>: <field> <message>". */
export function schemaError(what: string, errors: ErrorObject[] | null | undefined): ValuationInputError {
  const first = errors?.[0];
  if (!first) return new ValuationInputError(`${what} is invalid`, '(root)');
  const field = firstErrorField(first);
  const detail = first.keyword === 'enum' ? `${first.message}: ${(first.params as { allowedValues: unknown[] }).allowedValues.join(', ')}` : first.message;
  const suffix = first.keyword === 'additionalProperties' ? ' (unknown field)' : '';
  return new ValuationInputError(`${what}: ${field} ${detail ?? 'is invalid'}${suffix}`, field);
}
