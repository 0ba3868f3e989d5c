import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import configSchema from '@eco/schemas/securitisation/securitisation-config.schema.json' with { type: 'json' };
import { firstErrorField } from '../valuation/validation/first-error-field.js';
import { SecuritisationInputError } from './securitisation-input-error.js';
import type { SecuritisationConfig } from './types.js';

const addFormats = addFormatsModule.default;
const ajv = new Ajv2020({ strict: true, allErrors: false });
addFormats(ajv);
const validate = ajv.compile(configSchema) as ValidateFunction<SecuritisationConfig>;

/** Checks a securitisation configuration against its schema; returns it typed or throws naming the field. */
export function validateSecuritisationConfig(input: unknown): SecuritisationConfig {
  if (!validate(input)) {
    const first = validate.errors?.[0];
    const field = first ? firstErrorField(first) : '(root)';
    throw new SecuritisationInputError(`securitisation configuration: ${field} ${first?.message ?? 'is invalid'}`, field);
  }
  return input;
}
