import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import configSchema from '@eco/schemas/valuation/valuation-config.schema.json' with { type: 'json' };
import requestSchema from '@eco/schemas/valuation/valuation-request.schema.json' with { type: 'json' };
import stressSchema from '@eco/schemas/valuation/stress-input.schema.json' with { type: 'json' };
import { valuationAjv } from '../valuation-ajv.js';

describe('the valuation schemas', () => {
  it('compile in a fresh ajv strict mode with ajv-formats (discriminator enabled)', () => {
    const ajv = new Ajv2020({ strict: true, discriminator: true });
    addFormatsModule.default(ajv);
    ajv.addSchema([requestSchema, configSchema, stressSchema]);
    for (const schema of [requestSchema, configSchema, stressSchema]) expect(typeof ajv.getSchema(schema.$id)).toBe('function');
  });

  it('are registered once under their $id in the shared instance', () => {
    expect(valuationAjv.getSchema('https://eco-finance.example/schemas/valuation/valuation-request.schema.json')).toBeDefined();
    expect(valuationAjv.getSchema('https://eco-finance.example/schemas/valuation/stress-input.schema.json')).toBeDefined();
  });
});
