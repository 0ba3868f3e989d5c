import type { ValidateFunction } from 'ajv';
import { LoanInputError } from '../loan-input-error.js';
import { loanSchemaError } from '../validation/loan-schema-error.js';
import { loansAjv } from '../validation/loans-ajv.js';
import type { GreenTaxonomy } from './types.js';

const validate = loansAjv.getSchema('https://eco-finance.example/schemas/loans/green-taxonomy.schema.json') as ValidateFunction<GreenTaxonomy>;

/**
 * Checks a taxonomy against schemas/loans/green-taxonomy.schema.json and that every code an entry
 * uses exists (subcategory, PBoC use, ICMA category, measures, sources) and entry codes are unique.
 */
export function validateGreenTaxonomy(input: unknown): GreenTaxonomy {
  if (!validate(input)) throw loanSchemaError('green taxonomy', validate.errors);
  const subcategories = new Set(input.categories.flatMap((c) => c.subcategories.map((s) => s.code)));
  const known = {
    subcategory: subcategories,
    pbocLoanUse: new Set(input.pbocLoanUses.map((u) => u.code)),
    icmaCategory: new Set(input.icmaCategories.map((u) => u.code)),
  };
  const measures = new Set(input.measures.map((m) => m.code));
  const sources = new Set(input.sources.map((s) => s.id));
  const seen = new Set<string>();
  input.entries.forEach((entry, i) => {
    const at = `entries[${i}]`;
    if (seen.has(entry.code)) throw new LoanInputError(`green taxonomy: entry code ${entry.code} is used twice`, `${at}.code`);
    seen.add(entry.code);
    if (!entry.code.startsWith(`${entry.subcategory}-`)) throw new LoanInputError(`green taxonomy: entry code ${entry.code} does not start with its subcategory ${entry.subcategory}`, `${at}.code`);
    for (const key of ['subcategory', 'pbocLoanUse', 'icmaCategory'] as const) {
      if (!known[key].has(entry[key])) throw new LoanInputError(`green taxonomy: unknown ${key} "${entry[key]}"`, `${at}.${key}`);
    }
    entry.measures.forEach((m, j) => {
      if (!measures.has(m)) throw new LoanInputError(`green taxonomy: unknown measure "${m}"`, `${at}.measures[${j}]`);
    });
    entry.sources.forEach((s, j) => {
      if (!sources.has(s)) throw new LoanInputError(`green taxonomy: unknown source "${s}"`, `${at}.sources[${j}]`);
    });
  });
  return input;
}
