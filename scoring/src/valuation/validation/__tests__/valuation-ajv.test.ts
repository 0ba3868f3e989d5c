import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import configSchema from '@eco/schemas/valuation/valuation-config.schema.json' with { type: 'json' };
import requestSchema from '@eco/schemas/valuation/valuation-request.schema.json' with { type: 'json' };
import stressSchema from '@eco/schemas/valuation/stress-input.schema.json' with { type: 'json' };
import stressResultSchema from '@eco/schemas/valuation/stress-result.schema.json' with { type: 'json' };
import resultSchema from '@eco/schemas/valuation/valuation-result.schema.json' with { type: 'json' };
import fc from 'fast-check';
import { defaultValuationConfig as config } from '../../default-valuation-config.js';
import { stressPortfolio } from '../../stress-portfolio.js';
import { valueAsset } from '../../value-asset.js';
import { arbitraryRequest } from '../../__tests__/arbitrary-requests.js';
import { valuationAjv } from '../valuation-ajv.js';

const BASE = 'https://eco-finance.example/schemas/valuation/';

describe('the valuation schemas', () => {
  it('compile in a fresh ajv strict mode with ajv-formats (discriminator enabled)', () => {
    const ajv = new Ajv2020({ strict: true, discriminator: true });
    addFormatsModule.default(ajv);
    const schemas = [requestSchema, configSchema, stressSchema, resultSchema, stressResultSchema];
    ajv.addSchema(schemas);
    for (const schema of schemas) expect(typeof ajv.getSchema(schema.$id)).toBe('function');
  });

  it('are registered once under their $id in the shared instance', () => {
    expect(valuationAjv.getSchema('https://eco-finance.example/schemas/valuation/valuation-request.schema.json')).toBeDefined();
    expect(valuationAjv.getSchema('https://eco-finance.example/schemas/valuation/stress-input.schema.json')).toBeDefined();
  });

  it('describe every valuation and stress result the engine returns', () => {
    const validResult = valuationAjv.getSchema(`${BASE}valuation-result.schema.json`)!;
    const validStress = valuationAjv.getSchema(`${BASE}stress-result.schema.json`)!;
    fc.assert(
      fc.property(fc.array(arbitraryRequest, { minLength: 1, maxLength: 4 }), (requests) => {
        for (const request of requests) expect([validResult(JSON.parse(JSON.stringify(valueAsset(request, config)))), validResult.errors]).toEqual([true, null]);
        const pledges = requests.map((asset, i) => ({ id: `p${i}`, asset, outstandingLoanFen: 1_000_000 }));
        expect([validStress(stressPortfolio(pledges, config.stressScenarios, config)), validStress.errors]).toEqual([true, null]);
      }),
      { numRuns: 100 },
    );
  });
});
