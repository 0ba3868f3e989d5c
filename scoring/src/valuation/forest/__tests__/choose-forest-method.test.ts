import { exact } from '../../../money/index.js';
import { defaultValuationConfig as config } from '../../default-valuation-config.js';
import type { ForestContext, ForestRightRequest } from '../../types.js';
import { chooseForestMethod } from '../choose-forest-method.js';

function contextFor(request: ForestRightRequest): ForestContext {
  const record = { value: 1, unit: 'u', source: 'request' as const };
  return { request, config, area: exact(1n), qualityFactor: { exact: exact(1n), record, defaulted: false }, discountRate: { exact: exact(1n, 20n), record, defaulted: false } };
}

describe('chooseForestMethod', () => {
  it('picks harvest present value for a timber stand derived near-mature (22 of 25 years)', () => {
    const request: ForestRightRequest = { assetType: 'forest_right', forestType: 'timber', areaHa: 1, standAgeYears: 22, rotationAgeYears: 25, finalHarvestNetFenPerHa: 1, annualCostFenPerHa: 0 };
    const chosen = chooseForestMethod(contextFor(request), {}, []);
    expect(chosen.part.method).toBe('forest_right.harvest_present_value');
    expect(chosen.reason).toBe('near-mature timber stand: valued by the present value of its expected harvest');
  });

  it('capitalises the income of forest land', () => {
    const request: ForestRightRequest = { assetType: 'forest_right', forestType: 'land', areaHa: 1, annualNetIncomeFenPerHa: 1 };
    expect(chooseForestMethod(contextFor(request), {}, []).reason).toBe('forest land: valued by capitalising its stable annual net income or rent');
  });
});
