import configJson from '@eco/scoring/config/trading-config.json' with { type: 'json' };
import type { TradingConfig } from './types.js';
import { validateTradingConfig } from './validate-trading-config.js';

/** The default versioned trading configuration (scoring/config/trading-config.json: markets and minimum lots), validated at load. */
export const defaultTradingConfig: TradingConfig = validateTradingConfig(configJson);
