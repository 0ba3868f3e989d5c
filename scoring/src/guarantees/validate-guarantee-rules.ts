import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import rulesSchema from '@eco/schemas/guarantees/guarantee-rules.schema.json' with { type: 'json' };
import { firstErrorField } from '../valuation/validation/first-error-field.js';
import { checkRiskShares } from './check-risk-shares.js';
import { GuaranteeInputError } from './guarantee-input-error.js';
import type { GuaranteeRules } from './types.js';

const addFormats = addFormatsModule.default;
const ajv = new Ajv2020({ strict: true, allErrors: false });
addFormats(ajv);
const validate = ajv.compile(rulesSchema) as ValidateFunction<GuaranteeRules>;

/**
 * Checks guarantee rules against schemas/guarantees/guarantee-rules.schema.json and what a schema
 * cannot state (risk shares total 100 %, fee-cap and approval tiers rising with only the last
 * unlimited); returns them typed or throws GuaranteeInputError naming the field.
 */
export function validateGuaranteeRules(input: unknown): GuaranteeRules {
  if (!validate(input)) {
    const first = validate.errors?.[0];
    const field = first ? firstErrorField(first) : '(root)';
    throw new GuaranteeInputError(`guarantee rules: ${field} ${first?.message ?? 'is invalid'}`, field);
  }
  const shares = checkRiskShares(input.riskShares);
  if (!shares.valid) throw new GuaranteeInputError(`guarantee rules: ${shares.message}`, 'riskShares');
  rising(input.feeCaps.map((t) => t.maxSingleBorrowerFen), 'feeCaps', 'maxSingleBorrowerFen');
  rising(input.approvalTiers.map((t) => t.maxAmountFen), 'approvalTiers', 'maxAmountFen');
  return input;
}

function rising(limits: (number | undefined)[], list: string, key: string): void {
  limits.forEach((limit, i) => {
    const previous = limits[i - 1];
    const last = i === limits.length - 1;
    if ((limit === undefined && !last) || (i > 0 && (previous === undefined || (limit !== undefined && limit <= previous)))) {
      throw new GuaranteeInputError(`guarantee rules: ${list} must rise, and only the last may be unlimited`, `${list}[${i}].${key}`);
    }
  });
}
