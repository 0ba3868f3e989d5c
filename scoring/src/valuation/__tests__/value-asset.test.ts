import fc from 'fast-check';
import { defaultValuationConfig as config } from '../default-valuation-config.js';
import type { ValuationRequest, WaterRightRequest } from '../types.js';
import { validateValuationRequest } from '../validation/validate-valuation-request.js';
import { valueAsset } from '../value-asset.js';
import { arbitraryRequest } from './arbitrary-requests.js';

const permit: WaterRightRequest = { assetType: 'water_right', annualVolumeM3: 100_000, reliabilityFactor: 0.8, pricePerM3Fen: 50, remainingYears: 2, discountRate: 0.05, valuationDate: '2026-11-29' };

describe('valueAsset', () => {
  it('records the configuration version, rounding and valuation date it used', () => {
    expect(valueAsset(permit, config)).toMatchObject({ configVersion: '2026.11.1', rounding: 'half-even', valuationDate: '2026-11-29', assetId: null });
  });

  it('adds the four haircuts exactly: 0.1 + 0.2 + 0 + 0 is 0.3, not 0.30000000000000004', () => {
    const result = valueAsset({ ...permit, haircuts: { market: 0.1, liquidity: 0.2, legal: 0, physical: 0 } }, config);
    expect(result.haircut).toEqual({ market: 0.1, liquidity: 0.2, legal: 0, physical: 0, total: 0.3 });
    expect(result.inputs['haircuts.market']).toEqual({ value: 0.1, unit: 'share of value (decimal)', source: 'request' });
  });

  it('takes haircut components not in the request from the configuration', () => {
    const result = valueAsset({ ...permit, haircuts: { physical: 0.2 } }, config);
    expect(result.haircut).toEqual({ market: 0.1, liquidity: 0.1, legal: 0.05, physical: 0.2, total: 0.45 });
    expect(result.inputs['haircuts.market']).toMatchObject({ source: 'default', configPath: 'assetTypes.water_right.haircuts.market' });
  });

  it('lends nothing after a 100 % haircut', () => {
    const result = valueAsset({ ...permit, haircuts: { market: 0.4, liquidity: 0.3, legal: 0.2, physical: 0.1 } }, config);
    expect(result.valueFen).toBe(7_437_642);
    expect(result).toMatchObject({ lendingValueFen: 0, maxLoanFen: 0, haircut: { total: 1 } });
    expect(result.warnings.map((w) => w.code)).toContain('FULL_HAIRCUT');
  });

  it('refuses haircuts that add up to more than 1', () => {
    expect(() => valueAsset({ ...permit, haircuts: { market: 0.6, liquidity: 0.5 } }, config)).toThrow(expect.objectContaining({ field: 'haircuts' }));
  });

  it('applies a requested pledge rate to the exact lending value', () => {
    // lending 7 437 641.7234 × 0.7 = 5 206 349.2063; × 0.6 = 3 123 809.5238 → 3 123 810
    expect(valueAsset({ ...permit, pledgeRate: 0.6 }, config)).toMatchObject({ pledgeRate: 0.6, maxLoanFen: 3_123_810, inputs: { pledgeRate: { source: 'request', value: 0.6 } } });
  });

  it('warns when the loan term outlives the right or the policy, keeping maxTermYears at the limit', () => {
    const result = valueAsset({ ...permit, loanTermYears: 8 }, config);
    expect(result.maxTermYears).toBe(2);
    expect(result.warnings).toContainEqual({ code: 'LOAN_TERM_BEYOND_RIGHT', message: 'loan term 8 years is longer than the remaining right (2 years)', field: 'loanTermYears' });
    expect(result.warnings.map((w) => w.code)).toContain('LOAN_TERM_BEYOND_POLICY'); // policy maximum 5 years
    expect(valueAsset({ ...permit, remainingYears: 20 }, config).maxTermYears).toBe(5);
  });

  it('values a request with only the required fields, filling and flagging defaults', () => {
    const minimal = validateValuationRequest({ assetType: 'water_right', annualVolumeM3: 1000, pricePerM3Fen: 87, remainingYears: 1 });
    // 1000 × 1 × 87 / 1.045 = 83 253.5885 → 83 254 fen
    const result = valueAsset(minimal, config);
    expect(result.valueFen).toBe(83_254);
    expect(result.warnings.map((w) => w.code)).toContain('NO_VALUATION_DATE');
    expect(result.confidence.reasons).toContain('value-driving inputs taken from defaults: reliabilityFactor, discountRate');
    expect(result.confidence.grade).toBe('low'); // medium liquidity, reported data (assumed), lowered for defaults
  });

  it('explains its confidence grade', () => {
    const result = valueAsset({ ...permit, dataQuality: 'verified' }, config);
    expect(result.confidence).toEqual({ grade: 'medium', reasons: ['market liquidity of this asset: medium', 'data quality: verified'] });
  });

  it('gives the worst and best sensitivity combinations of the water right', () => {
    // low: i = 6.5 %, price × 0.8, volume × 0.85 → 4 000 000 × 0.68 × (1/1.065 + 1/1.065²) = 2 720 000 × 1.8206264 = 4 952 103.86 → 4 952 104
    const result = valueAsset(permit, config);
    expect(result.range.low).toEqual({ discountRate: 0.065, priceFactor: 0.8, volumeFactor: 0.85 });
    expect(result.range.high).toEqual({ discountRate: 0.035, priceFactor: 1.2, volumeFactor: 1.15 });
    expect(result.range.lowFen).toBe(4_952_104);
    // high: 4 000 000 × 1.38 × (1/1.035 + 1/1.035²) = 5 520 000 × 1.8996943 = 10 486 312.40 → 10 486 312
    expect(result.range.highFen).toBe(10_486_312);
  });

  it('always has a range containing the point value, and lending ≤ value, max loan ≤ lending', () => {
    fc.assert(
      fc.property(arbitraryRequest, (request: ValuationRequest) => {
        const result = valueAsset(validateValuationRequest(request), config);
        expect(result.range.lowFen).toBeLessThanOrEqual(result.valueFen);
        expect(result.range.highFen).toBeGreaterThanOrEqual(result.valueFen);
        expect(result.lendingValueFen).toBeLessThanOrEqual(result.valueFen);
        expect(result.maxLoanFen).toBeLessThanOrEqual(result.lendingValueFen);
        expect(result.haircut.total).toBeLessThanOrEqual(1);
      }),
      { numRuns: 300 },
    );
  });
});
