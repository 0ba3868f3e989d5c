import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import configSchema from '@eco/schemas/gep/gep-config.schema.json' with { type: 'json' };
import { firstErrorField } from '../valuation/validation/first-error-field.js';
import { GepInputError } from './gep-input-error.js';
import type { GepConfig } from './types.js';

const addFormats = addFormatsModule.default;
const ajv = new Ajv2020({ strict: true, allErrors: false });
addFormats(ajv);
const validate = ajv.compile(configSchema) as ValidateFunction<GepConfig>;

/** Checks a GEP configuration against schemas/gep/gep-config.schema.json and that service codes are unique. */
export function validateGepConfig(input: unknown): GepConfig {
  if (!validate(input)) {
    const first = validate.errors?.[0];
    const field = first ? firstErrorField(first) : '(root)';
    throw new GepInputError(`GEP configuration: ${field} ${first?.message ?? 'is invalid'}`, field);
  }
  const codes = new Set<string>();
  input.services.forEach((s, i) => {
    if (codes.has(s.code)) throw new GepInputError(`GEP configuration: service ${s.code} appears twice`, `services[${i}].code`);
    codes.add(s.code);
  });
  return input;
}
