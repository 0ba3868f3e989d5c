import configJson from '@eco/scoring/config/securitisation-config.json' with { type: 'json' };
import type { SecuritisationConfig } from './types.js';
import { validateSecuritisationConfig } from './validate-securitisation-config.js';

/** The default versioned securitisation configuration (scoring/config/securitisation-config.json), validated at load. */
export const defaultSecuritisationConfig: SecuritisationConfig = validateSecuritisationConfig(configJson);
