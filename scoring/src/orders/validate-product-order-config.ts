import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import configSchema from '@eco/schemas/securitisation/product-order-config.schema.json' with { type: 'json' };
import { firstErrorField } from '../valuation/validation/first-error-field.js';
import { OrderInputError } from './order-input-error.js';
import type { ProductOrderConfig } from './types.js';

const addFormats = addFormatsModule.default;
const ajv = new Ajv2020({ strict: true, allErrors: false });
addFormats(ajv);
const validate = ajv.compile(configSchema) as ValidateFunction<ProductOrderConfig>;

/** Checks a product-order configuration against its schema; returns it typed or throws OrderInputError naming the field. */
export function validateProductOrderConfig(input: unknown): ProductOrderConfig {
  if (!validate(input)) {
    const first = validate.errors?.[0];
    const field = first ? firstErrorField(first) : '(root)';
    throw new OrderInputError(`product-order configuration: ${field} ${first?.message ?? 'is invalid'}`, field);
  }
  return input;
}
