import configJson from '@eco/scoring/config/valuation-config.json' with { type: 'json' };
import { defaultValuationConfig } from '../../default-valuation-config.js';
import { validateValuationConfig } from '../validate-valuation-config.js';

const copy = (): Record<string, any> => structuredClone(configJson) as Record<string, any>;

describe('validateValuationConfig', () => {
  it('accepts the shipped default configuration', () => {
    expect(validateValuationConfig(copy()).version).toBe('2026.11.1');
    expect(defaultValuationConfig.stressScenarios.map((s) => s.id)).toEqual(['drought', 'carbon_price_fall', 'forest_fire', 'permit_not_renewed']);
  });

  it('caps the GEP cash-flow share at 25 %', () => {
    const config = copy();
    config.assetTypes.gep_site.cashFlowCapShare = 0.3;
    expect(() => validateValuationConfig(config)).toThrow(expect.objectContaining({ field: 'assetTypes.gep_site.cashFlowCapShare' }));
  });

  it('refuses haircuts of an asset type adding up to more than 1', () => {
    const config = copy();
    config.assetTypes.water_right.haircuts = { market: 0.5, liquidity: 0.5, legal: 0.1, physical: 0 };
    expect(() => validateValuationConfig(config)).toThrow(expect.objectContaining({ field: 'assetTypes.water_right.haircuts' }));
  });

  it('refuses age-class bounds out of order and repeated scenario ids', () => {
    const bounds = copy();
    bounds.forestAgeClasses.bounds.middle = 0.3;
    expect(() => validateValuationConfig(bounds)).toThrow(expect.objectContaining({ field: 'forestAgeClasses.bounds' }));
    const twice = copy();
    twice.stressScenarios.push(twice.stressScenarios[0]);
    expect(() => validateValuationConfig(twice)).toThrow(expect.objectContaining({ field: 'stressScenarios' }));
  });

  it('refuses a missing default and a pledge rate above 1', () => {
    const missing = copy();
    delete missing.assetTypes.forest_right.defaults.discountRate;
    expect(() => validateValuationConfig(missing)).toThrow(expect.objectContaining({ field: 'assetTypes.forest_right.defaults.discountRate' }));
    const high = copy();
    high.assetTypes.carbon.pledgeRate = 80;
    expect(() => validateValuationConfig(high)).toThrow(expect.objectContaining({ field: 'assetTypes.carbon.pledgeRate' }));
  });
});
