import rulesJson from '@eco/scoring/config/guarantee-rules.json' with { type: 'json' };
import type { GuaranteeRules } from './types.js';
import { validateGuaranteeRules } from './validate-guarantee-rules.js';

/** The default versioned guarantee rules (scoring/config/guarantee-rules.json), validated at load. */
export const defaultGuaranteeRules: GuaranteeRules = validateGuaranteeRules(rulesJson);
