import { defaultValuationConfig as config } from '../../default-valuation-config.js';
import { validateStressInput } from '../validate-stress-input.js';

const pledge = { id: 'p1', outstandingLoanFen: 1_000, asset: { assetType: 'emission_right', pollutant: 'SO2', tonnes: 1, referencePriceFenPerTonne: 980_000 } };

describe('validateStressInput', () => {
  it('uses every built-in scenario when none are named', () => {
    expect(validateStressInput({ pledges: [pledge] }, config).scenarios).toEqual(config.stressScenarios);
  });

  it('resolves built-in ids and keeps custom scenarios as given', () => {
    const custom = { id: 'so2_crash', name: 'SO2 price −50 %', description: 'SO2 reference price halves', shocks: [{ assetTypes: ['emission_right'], priceFactor: 0.5 }] };
    const { scenarios } = validateStressInput({ pledges: [pledge], scenarios: ['forest_fire', custom] }, config);
    expect(scenarios.map((s) => s.id)).toEqual(['forest_fire', 'so2_crash']);
  });

  it('names the failing field: unknown scenario, negative loan, bad asset', () => {
    expect(() => validateStressInput({ pledges: [pledge], scenarios: ['flood'] }, config)).toThrow(expect.objectContaining({ field: 'scenarios[0]' }));
    expect(() => validateStressInput({ pledges: [{ ...pledge, outstandingLoanFen: -1 }] }, config)).toThrow(expect.objectContaining({ field: 'pledges[0].outstandingLoanFen' }));
    expect(() => validateStressInput({ pledges: [{ ...pledge, asset: { ...pledge.asset, pollutant: 'CO2' } }] }, config)).toThrow(expect.objectContaining({ field: 'pledges[0].asset.pollutant' }));
  });
});
