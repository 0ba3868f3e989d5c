import fc from 'fast-check';
import { defaultValuationConfig as config } from '../default-valuation-config.js';
import type { WaterRightRequest } from '../types.js';
import { valueAsset } from '../value-asset.js';
import { valueWaterRight } from '../value-water-right.js';

const twoYearPermit: WaterRightRequest = {
  assetType: 'water_right',
  annualVolumeM3: 100_000,
  reliabilityFactor: 0.8,
  pricePerM3Fen: 50,
  remainingYears: 2,
  discountRate: 0.05,
  valuationDate: '2026-11-29',
};

describe('valueWaterRight', () => {
  it('discounts each year’s lease income from the end of that year', () => {
    // yearly income = 100 000 m3 × 0.8 × 50 fen = 4 000 000 fen
    // V = 4 000 000 / 1.05 + 4 000 000 / 1.05² = 3 809 523.8095 + 3 628 117.9138 = 7 437 641.7234 → 7 437 642 fen
    const result = valueAsset(twoYearPermit, config);
    expect(result.method).toBe('water_right.income_present_value');
    expect(result.valueFen).toBe(7_437_642);
    // lending = 7 437 641.7234 × (1 − 0.3) = 5 206 349.2063 → 5 206 349; max loan = × 0.5 = 2 603 174.6032 → 2 603 175
    expect(result.lendingValueFen).toBe(5_206_349);
    expect(result.maxLoanFen).toBe(2_603_175);
    expect(result.maxTermYears).toBe(2);
  });

  it('grows the price from the second year: with g = i every year is worth a / (1 + i)', () => {
    // V = 2 × 4 000 000 / 1.05 = 7 619 047.619 → 7 619 048 fen
    expect(valueAsset({ ...twoYearPermit, priceGrowthRate: 0.05 }, config).valueFen).toBe(7_619_048);
  });

  it('states its discounting convention in the method description', () => {
    expect(valueAsset(twoYearPermit, config).methodDescription).toContain('received at the end of year t and discounted t whole years');
  });

  it('fills missing reliability, growth and discount rate from the configuration and says so', () => {
    const method = valueWaterRight({ assetType: 'water_right', annualVolumeM3: 1000, pricePerM3Fen: 15, remainingYears: 5 }, config);
    expect(method.inputs.reliabilityFactor).toEqual({ value: 1, unit: 'share of volume (decimal)', source: 'default', configPath: 'assetTypes.water_right.defaults.reliabilityFactor' });
    expect(method.inputs.priceGrowthRate).toMatchObject({ value: 0, source: 'default' });
    expect(method.inputs.discountRate).toMatchObject({ value: 0.045, source: 'default' });
    expect(method.inputs.pricePerM3Fen).toEqual({ value: 15, unit: 'fen per m3', source: 'request' });
    expect(method.defaultedValueDrivers).toEqual(['reliabilityFactor', 'discountRate']);
  });

  it('values a permit with no remaining years at 0 and warns', () => {
    const result = valueAsset({ ...twoYearPermit, remainingYears: 0 }, config);
    expect(result.valueFen).toBe(0);
    expect(result.range).toMatchObject({ lowFen: 0, highFen: 0 });
    expect(result.maxLoanFen).toBe(0);
    expect(result.maxTermYears).toBe(0);
    expect(result.confidence.grade).toBe('low');
    expect(result.warnings.map((w) => w.code)).toContain('RIGHT_EXPIRED');
  });

  it('agrees with a floating-point sum to within half a fen (plus float error)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 0, max: 120 }), fc.integer({ min: -50, max: 50 }),
        (volume, price, years, ratePerMille, growthPerMille) => {
          const [i, g] = [ratePerMille / 1000, growthPerMille / 1000];
          let float = 0;
          for (let t = 1; t <= years; t++) float += (volume * price * (1 + g) ** (t - 1)) / (1 + i) ** t;
          const request: WaterRightRequest = { assetType: 'water_right', annualVolumeM3: volume, reliabilityFactor: 1, pricePerM3Fen: price, remainingYears: years, discountRate: i, priceGrowthRate: g };
          expect(Math.abs(valueAsset(request, config).valueFen - float)).toBeLessThanOrEqual(0.5 + float * 1e-12);
        },
      ),
    );
  });
});
