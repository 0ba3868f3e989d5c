import type { ValidateFunction } from 'ajv';
import { exact, exactAdd, exactCompare, exactFromDecimal } from '../../money/index.js';
import type { AssetType, ValuationConfig } from '../types.js';
import { ValuationInputError } from '../valuation-input-error.js';
import { schemaError } from './schema-error.js';
import { valuationAjv } from './valuation-ajv.js';

const validate = valuationAjv.getSchema('https://eco-finance.example/schemas/valuation/valuation-config.schema.json') as ValidateFunction<ValuationConfig>;

/**
 * Checks a valuation configuration against its schema and the rules a schema cannot state:
 * each asset type's haircuts add up to at most 1, age-class bounds rise strictly, scenario ids
 * are unique. Returns it typed or throws ValuationInputError naming the field.
 */
export function validateValuationConfig(input: unknown): ValuationConfig {
  if (!validate(input)) throw schemaError('valuation configuration', validate.errors);
  for (const [assetType, typeConfig] of Object.entries(input.assetTypes) as [AssetType, ValuationConfig['assetTypes'][AssetType]][]) {
    const total = Object.values(typeConfig.haircuts).reduce((sum, h) => exactAdd(sum, exactFromDecimal(h)), exact(0n));
    if (exactCompare(total, exact(1n)) > 0) {
      throw new ValuationInputError(`assetTypes.${assetType}.haircuts add up to more than 1`, `assetTypes.${assetType}.haircuts`);
    }
  }
  const { young, middle, near_mature, mature } = input.forestAgeClasses.bounds;
  if (!(young < middle && middle < near_mature && near_mature < mature)) {
    throw new ValuationInputError('forestAgeClasses.bounds must rise strictly: young < middle < near_mature < mature', 'forestAgeClasses.bounds');
  }
  const ids = input.stressScenarios.map((s) => s.id);
  const repeated = ids.find((id, index) => ids.indexOf(id) !== index);
  if (repeated) throw new ValuationInputError(`stress scenario id "${repeated}" is used twice`, 'stressScenarios');
  return input;
}
