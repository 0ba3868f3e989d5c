import { defaultValuationConfig } from '../default-valuation-config.js';

describe('defaultValuationConfig', () => {
  it('is the shipped, validated configuration 2026.11.1 in fen and half-even rounding', () => {
    expect(defaultValuationConfig).toMatchObject({ version: '2026.11.1', currency: 'CNY', rounding: 'half-even' });
  });

  it('never lends against more than 25 % of GEP', () => {
    expect(defaultValuationConfig.assetTypes.gep_site.cashFlowCapShare).toBeLessThanOrEqual(0.25);
  });

  it('cites a source for every asset type', () => {
    for (const typeConfig of Object.values(defaultValuationConfig.assetTypes)) expect(typeConfig.sources.length).toBeGreaterThan(0);
  });
});
