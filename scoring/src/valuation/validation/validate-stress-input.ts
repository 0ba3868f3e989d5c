import type { ValidateFunction } from 'ajv';
import type { Pledge, StressScenario, ValuationConfig } from '../types.js';
import { ValuationInputError } from '../valuation-input-error.js';
import { schemaError } from './schema-error.js';
import { valuationAjv } from './valuation-ajv.js';

interface StressInput {
  pledges: Pledge[];
  scenarios?: (string | StressScenario)[];
}

const validate = valuationAjv.getSchema('https://eco-finance.example/schemas/valuation/stress-input.schema.json') as ValidateFunction<StressInput>;

/**
 * Checks a stress-test input (schemas/valuation/stress-input.schema.json) and resolves scenario
 * ids against the configuration's built-in scenarios (all of them when none are named).
 */
export function validateStressInput(input: unknown, config: ValuationConfig): { pledges: Pledge[]; scenarios: StressScenario[] } {
  if (!validate(input)) throw schemaError('stress input', validate.errors);
  const scenarios = (input.scenarios ?? config.stressScenarios).map((s, index) => {
    if (typeof s !== 'string') return s;
    const found = config.stressScenarios.find((b) => b.id === s);
    if (!found) {
      const known = config.stressScenarios.map((b) => b.id).join(', ');
      throw new ValuationInputError(`unknown stress scenario "${s}"; built-in: ${known}`, `scenarios[${index}]`);
    }
    return found;
  });
  return { pledges: input.pledges, scenarios };
}
