import type { ValidateFunction } from 'ajv';
import type { ValuationRequest } from '../types.js';
import { schemaError } from './schema-error.js';
import { valuationAjv } from './valuation-ajv.js';

const validate = valuationAjv.getSchema('https://eco-finance.example/schemas/valuation/valuation-request.schema.json') as ValidateFunction<ValuationRequest>;

/**
 * Checks untrusted input against schemas/valuation/valuation-request.schema.json and returns it
 * typed; throws ValuationInputError { code, message, field } naming the first failing field.
 */
export function validateValuationRequest(input: unknown): ValuationRequest {
  if (!validate(input)) throw schemaError('valuation request', validate.errors);
  return input;
}
