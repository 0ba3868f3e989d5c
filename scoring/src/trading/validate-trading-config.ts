import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import configSchema from '@eco/schemas/trading/trading-config.schema.json' with { type: 'json' };
import { firstErrorField } from '../valuation/validation/first-error-field.js';
import { TradingInputError } from './trading-input-error.js';
import type { TradingConfig } from './types.js';

const addFormats = addFormatsModule.default;
const ajv = new Ajv2020({ strict: true, allErrors: false });
addFormats(ajv);
const validate = ajv.compile(configSchema) as ValidateFunction<TradingConfig>;

/** Checks a trading configuration against its schema (and that a title market trades one title); returns it typed or throws TradingInputError naming the field. */
export function validateTradingConfig(input: unknown): TradingConfig {
  if (!validate(input)) {
    const first = validate.errors?.[0];
    const field = first ? firstErrorField(first) : '(root)';
    throw new TradingInputError(`trading configuration: ${field} ${first?.message ?? 'is invalid'}`, field);
  }
  for (const [assetType, market] of Object.entries(input.markets)) {
    if (market!.title && market!.lot !== 1) throw new TradingInputError(`trading configuration: markets.${assetType}.lot a title market trades one whole title`, `markets.${assetType}.lot`);
    if (!market!.title && market!.quantityFields.length === 0) throw new TradingInputError(`trading configuration: markets.${assetType}.quantityFields a quantity market names where the quantity is read`, `markets.${assetType}.quantityFields`);
  }
  return input;
}
