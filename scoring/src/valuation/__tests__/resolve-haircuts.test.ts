import { exactReduce, exact } from '../../money/index.js';
import { defaultValuationConfig as config } from '../default-valuation-config.js';
import { resolveHaircuts } from '../resolve-haircuts.js';
import type { EmissionRightRequest } from '../types.js';

const cod: EmissionRightRequest = { assetType: 'emission_right', pollutant: 'COD', tonnes: 1, referencePriceFenPerTonne: 1 };

describe('resolveHaircuts', () => {
  it('takes the configured haircuts of the asset type: 0.1 + 0.05 + 0.05 + 0 = 0.2', () => {
    const resolved = resolveHaircuts(cod, config);
    expect(resolved.haircut).toEqual({ market: 0.1, liquidity: 0.05, legal: 0.05, physical: 0, total: 0.2 });
    expect(exactReduce(resolved.total)).toEqual(exact(1n, 5n));
  });

  it('lets the request override single components', () => {
    const resolved = resolveHaircuts({ ...cod, haircuts: { legal: 0.15 } }, config);
    expect(resolved.haircut.total).toBe(0.3);
    expect(resolved.inputs['haircuts.legal']).toEqual({ value: 0.15, unit: 'share of value (decimal)', source: 'request' });
    expect(resolved.inputs['haircuts.market']).toMatchObject({ source: 'default', configPath: 'assetTypes.emission_right.haircuts.market' });
  });

  it('refuses a total above 1', () => {
    expect(() => resolveHaircuts({ ...cod, haircuts: { physical: 0.81 } }, config)).toThrow('haircuts add up to 1.01, more than 1');
  });
});
