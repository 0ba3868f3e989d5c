import configJson from '@eco/scoring/config/gep-config.json' with { type: 'json' };
import type { GepConfig } from './types.js';
import { validateGepConfig } from './validate-gep-config.js';

/** The default versioned GEP configuration (scoring/config/gep-config.json), validated at load. */
export const defaultGepConfig: GepConfig = validateGepConfig(configJson);
