import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv';
import termsSchema from '@eco/schemas/compensation/agreement-terms.schema.json' with { type: 'json' };
import { exactCompare, exact, toExact } from '../money/index.js';
import { firstErrorField } from '../valuation/validation/first-error-field.js';
import { CompensationInputError } from './compensation-input-error.js';
import type { CompensationTerms } from './types.js';
import { checkQualityTerms } from './water-quality-index.js';

const ajv = new Ajv2020({ strict: true, allErrors: false });
const validate = ajv.compile(termsSchema) as ValidateFunction<CompensationTerms>;

/**
 * Checks an agreement's assessment rules against schemas/compensation/agreement-terms.schema.json and
 * what a schema cannot state (weights sum to 1, the schedule's payers on each side of P = 1, a GEP share
 * within 0–1, at least one assessment); returns them typed or throws CompensationInputError naming the field.
 */
export function validateCompensationTerms(input: unknown): CompensationTerms {
  if (!validate(input)) {
    const first = validate.errors?.[0];
    const field = first ? firstErrorField(first) : '(root)';
    throw new CompensationInputError(`agreement terms: ${field} ${first?.message ?? 'is invalid'}`, field);
  }
  if (!input.waterQuality && !input.waterQuantity && !input.gepAdjustment) throw new CompensationInputError('agreement terms: at least one assessment (water quality, water quantity or GEP) is needed', '(root)');
  if (input.waterQuality) checkQualityTerms(input.waterQuality);
  if (input.gepAdjustment && exactCompare(toExact(input.gepAdjustment.share), exact(1n)) > 0) throw new CompensationInputError('the GEP share must be between 0 and 1', 'gepAdjustment.share');
  return input;
}
