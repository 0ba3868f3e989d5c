import { defaultValuationConfig as config } from '../default-valuation-config.js';
import type { GepSiteRequest } from '../types.js';
import { valueAsset } from '../value-asset.js';

const site: GepSiteRequest = {
  assetType: 'gep_site',
  services: [
    { name: 'water conservation', category: 'regulating', quantity: 1_000_000, unit: 'm3', unitPriceFen: 706 },
    { name: 'sand fixation', category: 'regulating', quantity: 200_000, unit: 'm2', unitPriceFen: 375 },
    { name: 'carbon sequestration', category: 'regulating', quantity: 1_000, unit: 't', unitPriceFen: 38_000 },
  ],
};

describe('valueGepSite', () => {
  it('adds quantity × unit price over the services as an accounting value', () => {
    // 706 000 000 + 75 000 000 + 38 000 000 = 819 000 000 fen
    expect(valueAsset(site, config)).toMatchObject({ valueType: 'accounting', valueFen: 819_000_000 });
  });

  it('lends nothing against GEP that no cash flow backs', () => {
    const result = valueAsset(site, config);
    expect(result).toMatchObject({ lendingValueFen: 0, maxLoanFen: 0 });
    expect(result.warnings.map((w) => w.code)).toContain('GEP_NOT_CASH_FLOW_BACKED');
  });

  it('caps the lending value of cash-flow-backed GEP at 25 % of its value', () => {
    // after haircuts 819 000 000 × (1 − 0.7) = 245 700 000; cap 819 000 000 × 0.25 = 204 750 000 → lending 204 750 000
    // max loan = 204 750 000 × 0.6 = 122 850 000 fen (15 % of GEP)
    expect(valueAsset({ ...site, cashFlowBacked: true }, config)).toMatchObject({ lendingValueFen: 204_750_000, maxLoanFen: 122_850_000 });
  });
});
