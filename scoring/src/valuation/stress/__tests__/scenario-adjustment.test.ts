import { exact, exactReduce } from '../../../money/index.js';
import { defaultValuationConfig as config } from '../../default-valuation-config.js';
import { scenarioAdjustment } from '../scenario-adjustment.js';

const scenario = (id: string) => config.stressScenarios.find((s) => s.id === id)!;

describe('scenarioAdjustment', () => {
  it('cuts water volume to 70 % in a drought and leaves other assets alone', () => {
    expect(exactReduce(scenarioAdjustment(scenario('drought'), 'water_right').adjustment.volumeFactor)).toEqual(exact(7n, 10n));
    expect(exactReduce(scenarioAdjustment(scenario('drought'), 'carbon').adjustment.volumeFactor)).toEqual(exact(1n));
  });

  it('caps water and land rights at one year and takes the whole emission right when a permit is not renewed', () => {
    expect(scenarioAdjustment(scenario('permit_not_renewed'), 'land_right').adjustment.remainingYearsCap).toBe(1);
    expect(exactReduce(scenarioAdjustment(scenario('permit_not_renewed'), 'emission_right').valueLossShare)).toEqual(exact(1n));
  });

  it('compounds two losses of 50 % to 75 %', () => {
    const twice = { id: 'x', name: 'x', description: 'x', shocks: [{ assetTypes: ['forest_right' as const], valueLossShare: 0.5 }, { assetTypes: ['forest_right' as const], valueLossShare: 0.5 }] };
    expect(exactReduce(scenarioAdjustment(twice, 'forest_right').valueLossShare)).toEqual(exact(3n, 4n));
  });
});
