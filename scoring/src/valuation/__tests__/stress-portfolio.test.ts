import { defaultValuationConfig as config } from '../default-valuation-config.js';
import { stressPortfolio } from '../stress-portfolio.js';
import type { Pledge, StressResult } from '../types.js';

const pledges: Pledge[] = [
  { id: 'water', outstandingLoanFen: 3_000_000, asset: { assetType: 'water_right', annualVolumeM3: 100_000, reliabilityFactor: 0.8, pricePerM3Fen: 50, remainingYears: 2, discountRate: 0.05 } },
  { id: 'cea', outstandingLoanFen: 30_000_000, asset: { assetType: 'carbon', kind: 'CEA', quantityTco2e: 10_000, spotPriceFenPerT: 6_200, avg20dPriceFenPerT: 6_000 } },
  { id: 'bamboo', outstandingLoanFen: 2_000_000, asset: { assetType: 'forest_right', forestType: 'bamboo', areaHa: 3, discountRate: 0.045, annualNetIncomeFenPerHa: 90_000 } },
  { id: 'cod', outstandingLoanFen: 100_000_000, asset: { assetType: 'emission_right', pollutant: 'COD', tonnes: 100, referencePriceFenPerTonne: 2_000_000 } },
];

const result: StressResult = stressPortfolio(pledges, config.stressScenarios, config);
const scenario = (id: string) => (id === 'baseline' ? result.baseline : result.scenarios.find((s) => s.id === id)!);
const pledge = (scenarioId: string, pledgeId: string) => scenario(scenarioId).pledges.find((p) => p.id === pledgeId)!;

describe('stressPortfolio', () => {
  it('starts from an unshocked baseline: water 7 437 642 fen, LTV 3 000 000 / 7 437 641.72 = 0.4034', () => {
    expect(pledge('baseline', 'water')).toEqual({
      id: 'water', assetType: 'water_right', valueFen: 7_437_642, lendingValueFen: 5_206_349, maxLoanFen: 2_603_175,
      outstandingLoanFen: 3_000_000, ltv: 0.4034, ltvThreshold: 0.6, breach: false, excessLoanFen: 396_825,
    });
    // excess = 3 000 000 − 2 603 174.6032 = 396 825.3968 → 396 825
    expect(result.configVersion).toBe('2026.11.1');
  });

  it('cuts water volume 30 % in a drought: 7 437 641.72 × 0.7 = 5 206 349.21, LTV 0.5762, no breach', () => {
    expect(pledge('drought', 'water')).toMatchObject({ valueFen: 5_206_349, ltv: 0.5762, breach: false });
    expect(pledge('drought', 'cea').valueFen).toBe(60_000_000);
  });

  it('breaches the carbon pledge when carbon prices fall 40 %: 36 000 000 fen, LTV 0.8333 > 0.6', () => {
    expect(pledge('carbon_price_fall', 'cea')).toMatchObject({ valueFen: 36_000_000, ltv: 0.8333, breach: true });
    expect(pledge('carbon_price_fall', 'bamboo').valueFen).toBe(6_000_000); // no carbon sink, untouched
  });

  it('takes 30 % off forests in a fire: 6 000 000 × 0.7 = 4 200 000, LTV 0.4762', () => {
    expect(pledge('forest_fire', 'bamboo')).toMatchObject({ valueFen: 4_200_000, ltv: 0.4762, breach: false });
  });

  it('leaves a water permit not renewed one year of income and an emission permit nothing', () => {
    // water: 4 000 000 / 1.05 = 3 809 523.81, LTV 0.7875 > 0.6; max loan × 0.35 = 1 333 333.33; excess 1 666 666.67 → 1 666 667
    expect(pledge('permit_not_renewed', 'water')).toMatchObject({ valueFen: 3_809_524, ltv: 0.7875, breach: true, maxLoanFen: 1_333_333, excessLoanFen: 1_666_667 });
    expect(pledge('permit_not_renewed', 'cod')).toMatchObject({ valueFen: 0, ltv: null, breach: true, excessLoanFen: 100_000_000 });
  });

  it('totals each scenario', () => {
    // baseline: 7 437 642 + 60 000 000 + 6 000 000 + 200 000 000 = 273 437 642; loans 135 000 000; LTV 0.4937
    expect(scenario('baseline').totals).toEqual({ valueFen: 273_437_642, outstandingLoanFen: 135_000_000, ltv: 0.4937, breaches: 0 });
    expect(scenario('permit_not_renewed').totals.breaches).toBe(2);
  });

  it('combines several shocks on one asset type: factors multiply and losses compound', () => {
    const doubleHit = stressPortfolio(pledges.slice(2, 3), [{
      id: 'double', name: 'Fire twice', description: 'two fires',
      shocks: [{ assetTypes: ['forest_right'], valueLossShare: 0.5 }, { assetTypes: ['forest_right'], valueLossShare: 0.5, priceFactor: 0.5 }],
    }], config);
    // 6 000 000 × 0.5 (price) × (1 − 0.5) × (1 − 0.5) = 750 000
    expect(doubleHit.scenarios[0]!.pledges[0]!.valueFen).toBe(750_000);
  });
});
