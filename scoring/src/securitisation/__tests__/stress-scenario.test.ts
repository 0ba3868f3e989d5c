import { defaultSecuritisationConfig } from '../default-securitisation-config.js';
import { stressScenario } from '../stress-scenario.js';
import { validateSecuritisationConfig } from '../validate-securitisation-config.js';

describe('stressScenario', () => {
  it('doubles the default rate in a drought and scales recoveries by the collateral that is left', () => {
    const base = { name: 'base', cdr: 0.02, cpr: 0.05, recoveryRate: 0.5, recoveryLagMonths: 6 };
    expect(stressScenario(base, 'drought', 0.82, defaultSecuritisationConfig)).toEqual({ name: 'base+drought', cdr: 0.04, cpr: 0.05, recoveryRate: 0.41, recoveryLagMonths: 6 });
  });
  it('caps the default rate at 100 % and refuses an unknown scenario', () => {
    const base = { name: 'x', cdr: 0.8, cpr: 0, recoveryRate: 0.5, recoveryLagMonths: 0 };
    expect(stressScenario(base, 'drought', 1, defaultSecuritisationConfig).cdr).toBe(1);
    expect(() => stressScenario(base, 'flood', 1, defaultSecuritisationConfig)).toThrow(expect.objectContaining({ field: 'ecological' }));
  });
  it('ships a configuration that validates, and refuses a scenario without a recovery lag', () => {
    expect(validateSecuritisationConfig(structuredClone(defaultSecuritisationConfig)).version).toBe(defaultSecuritisationConfig.version);
    const broken = structuredClone(defaultSecuritisationConfig) as unknown as { scenarios: Record<string, unknown>[] };
    delete broken.scenarios[0]!['recoveryLagMonths'];
    expect(() => validateSecuritisationConfig(broken)).toThrow(expect.objectContaining({ code: 'SECURITISATION_INPUT_INVALID' }));
  });
});
