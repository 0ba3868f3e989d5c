import configJson from '@eco/scoring/config/product-order-config.json' with { type: 'json' };
import type { ProductOrderConfig } from './types.js';
import { validateProductOrderConfig } from './validate-product-order-config.js';

/** The default versioned product-order configuration (scoring/config/product-order-config.json), validated at load. */
export const defaultProductOrderConfig: ProductOrderConfig = validateProductOrderConfig(configJson);
