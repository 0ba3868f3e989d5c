import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import configSchema from '@eco/schemas/valuation/valuation-config.schema.json' with { type: 'json' };
import requestSchema from '@eco/schemas/valuation/valuation-request.schema.json' with { type: 'json' };
import stressSchema from '@eco/schemas/valuation/stress-input.schema.json' with { type: 'json' };
import resultSchema from '@eco/schemas/valuation/valuation-result.schema.json' with { type: 'json' };
import stressResultSchema from '@eco/schemas/valuation/stress-result.schema.json' with { type: 'json' };

const addFormats = addFormatsModule.default;

/**
 * The one ajv instance of the valuation schemas, built once at module load in strict mode:
 * first error only (its path names the failing field), `discriminator` on assetType so errors
 * come from the matching asset variant only.
 */
export const valuationAjv = new Ajv2020({ strict: true, allErrors: false, discriminator: true });
addFormats(valuationAjv);
valuationAjv.addSchema([requestSchema, configSchema, stressSchema, resultSchema, stressResultSchema]);
