import { ValuationInputError } from '../../valuation-input-error.js';
import { validateValuationRequest } from '../validate-valuation-request.js';

const water = { assetType: 'water_right', annualVolumeM3: 1000, pricePerM3Fen: 87, remainingYears: 5 };
const forest = { assetType: 'forest_right', forestType: 'timber', ageClass: 'young', areaHa: 2, costsFenPerHaByYear: [1000] };

function rejection(input: unknown): { code: string; message: string; field: string } {
  try {
    validateValuationRequest(input);
  } catch (e) {
    expect(e).toBeInstanceOf(ValuationInputError);
    return (e as ValuationInputError).toJSON();
  }
  throw new Error('expected a rejection');
}

describe('validateValuationRequest', () => {
  it('accepts a valid request and returns it unchanged', () => {
    expect(validateValuationRequest(water)).toBe(water);
    expect(validateValuationRequest(forest)).toBe(forest);
  });

  it('rejects a negative area naming the field', () => {
    expect(rejection({ ...forest, areaHa: -1 })).toEqual({ code: 'VALUATION_INPUT_INVALID', message: 'valuation request: areaHa must be > 0', field: 'areaHa' });
  });

  it('rejects an unknown asset type naming assetType', () => {
    expect(rejection({ assetType: 'gold_mine' })).toMatchObject({ field: 'assetType' });
    expect(rejection({})).toMatchObject({ field: 'assetType' });
  });

  it('rejects a rate above 1 (rates are decimals, 0.045 = 4.5 %)', () => {
    expect(rejection({ ...water, discountRate: 4.5 })).toEqual({ code: 'VALUATION_INPUT_INVALID', message: 'valuation request: discountRate must be <= 1', field: 'discountRate' });
    expect(rejection({ ...water, haircuts: { market: 1.2 } })).toMatchObject({ field: 'haircuts.market' });
  });

  it('names nested fields with their index', () => {
    expect(rejection({ ...forest, ageClass: 'middle', thinnings: [{ ageYears: 20, netFenPerHa: 1 }, { ageYears: 0, netFenPerHa: 1 }] })).toMatchObject({ field: 'thinnings[1].ageYears' });
  });

  it('names a missing required field and an unknown one', () => {
    expect(rejection({ assetType: 'water_right', annualVolumeM3: 1000, pricePerM3Fen: 87 })).toMatchObject({ field: 'remainingYears' });
    expect(rejection({ ...water, annualVolume: 5 })).toMatchObject({ field: 'annualVolume', message: 'valuation request: annualVolume must NOT have additional properties (unknown field)' });
  });

  it('rejects fractional years, fractional fen amounts and impossible dates', () => {
    expect(rejection({ ...water, remainingYears: 2.5 })).toMatchObject({ field: 'remainingYears' });
    expect(rejection({ assetType: 'land_right', areaMu: 1, annualNetIncomeFenPerMu: 1, remainingYears: 1, improvementsFen: 10.5 })).toMatchObject({ field: 'improvementsFen' });
    expect(rejection({ ...water, valuationDate: '2026-02-30' })).toMatchObject({ field: 'valuationDate' });
  });

  it('rejects fields of another asset type', () => {
    expect(rejection({ ...water, areaHa: 3 })).toMatchObject({ field: 'areaHa' });
  });
});
