import configJson from '@eco/scoring/config/valuation-config.json' with { type: 'json' };
import type { ValuationConfig } from './types.js';
import { validateValuationConfig } from './validation/validate-valuation-config.js';

/** The default versioned configuration (scoring/config/valuation-config.json), validated at load. */
export const defaultValuationConfig: ValuationConfig = validateValuationConfig(configJson);
