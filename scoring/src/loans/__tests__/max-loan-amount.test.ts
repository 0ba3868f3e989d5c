import { defaultValuationConfig, valueAsset } from '../../valuation/index.js';
import { maxLoanAmount } from '../max-loan-amount.js';
import type { PledgedValuation } from '../types.js';

const forest: PledgedValuation = { assetId: 'forest-1', valuation: { assetType: 'forest_right', lendingValueFen: 2_000_000, pledgeRate: 0.6, maxLoanFen: 1_200_000, maxTermYears: 5 } };
const water: PledgedValuation = { assetId: 'water-1', valuation: { assetType: 'water_right', lendingValueFen: 1_000_000, pledgeRate: 0.5, maxLoanFen: 500_000, maxTermYears: 2.5 } };

describe('maxLoanAmount', () => {
  it('adds up what the valuation engine allows on each pledge; the term is the shortest right', () => {
    const result = maxLoanAmount([forest, water]);
    expect(result).toMatchObject({ pledgeCapacityFen: 1_700_000, guaranteeCoverFen: 0, maxLoanFen: 1_700_000, maxTermMonths: 30, bindingConstraint: { amount: 'pledges', term: 'water-1' } });
    expect(result.reasons[0]).toBe('maximum loan 1700000 fen = pledges 1700000 fen + guarantee 0 fen');
    expect(result.reasons).toContain('term ≤ 30 months, set by water-1: a loan may not outlive any pledged right');
  });

  it('uses the valuation result as is, without recomputing it', () => {
    const valuation = valueAsset({ assetType: 'water_right', annualVolumeM3: 100_000, reliabilityFactor: 0.8, pricePerM3Fen: 50, remainingYears: 2, discountRate: 0.05 }, defaultValuationConfig);
    const result = maxLoanAmount([{ assetId: 'w', valuation }]);
    expect(result.maxLoanFen).toBe(valuation.maxLoanFen);
    expect(result.maxTermMonths).toBe(valuation.maxTermYears * 12);
  });

  it('adds a guarantee’s cover when the product allows it, at most the configured share of the pledges', () => {
    expect(maxLoanAmount([forest], { coverFen: 300_000, productAllowsGuarantee: true, guarantorId: 'g-1' })).toMatchObject({ guaranteeCoverFen: 300_000, maxLoanFen: 1_500_000, bindingConstraint: { amount: 'pledges_and_guarantee' } });
    // Cover 2 000 000 but at most 0.5 × 1 200 000 = 600 000.
    expect(maxLoanAmount([forest], { coverFen: 2_000_000, productAllowsGuarantee: true, maxCoverShareOfPledges: 0.5 })).toMatchObject({ guaranteeCoverFen: 600_000, maxLoanFen: 1_800_000, bindingConstraint: { amount: 'guarantee_share_cap' } });
    const refused = maxLoanAmount([forest], { coverFen: 300_000, productAllowsGuarantee: false });
    expect(refused).toMatchObject({ guaranteeCoverFen: 0, maxLoanFen: 1_200_000 });
    expect(refused.reasons).toContain('guarantee cover 300000 fen not counted: the product does not allow guarantee cover');
  });

  it('lends nothing without pledges', () => {
    expect(maxLoanAmount([])).toMatchObject({ maxLoanFen: 0, maxTermMonths: 0, bindingConstraint: { amount: 'none', term: null } });
  });

  it('refuses a pledge without a usable valuation, naming the field', () => {
    expect(() => maxLoanAmount([forest, { ...water, valuation: { ...water.valuation, maxLoanFen: -1 } }])).toThrow(expect.objectContaining({ field: 'pledges[1].valuation.maxLoanFen' }));
    expect(() => maxLoanAmount([{ ...forest, assetId: '' }])).toThrow(expect.objectContaining({ field: 'pledges[0].assetId' }));
  });
});
