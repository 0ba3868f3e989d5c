import { defaultValuationConfig as config } from '../default-valuation-config.js';
import { methodForRequest } from '../method-for-request.js';

describe('methodForRequest', () => {
  it('dispatches on the asset type', () => {
    expect(methodForRequest({ assetType: 'land_right', areaMu: 1, annualNetIncomeFenPerMu: 1, remainingYears: 1 }, config).method).toBe('land_right.income_present_value');
    expect(methodForRequest({ assetType: 'gep_site', services: [{ name: 's', quantity: 1, unit: 'm3', unitPriceFen: 1 }] }, config).valueType).toBe('accounting');
  });
});
