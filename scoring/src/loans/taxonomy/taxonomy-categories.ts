import { greenTaxonomy } from './green-taxonomy.js';
import type { GreenTaxonomy, TaxonomyCategoryTree } from './types.js';

/** The six top-level catalogue categories, their second-level categories and the entries under each (for pickers). */
export function taxonomyCategories(taxonomy: GreenTaxonomy = greenTaxonomy): TaxonomyCategoryTree[] {
  return taxonomy.categories.map((c) => ({
    code: c.code,
    zh: c.zh,
    en: c.en,
    subcategories: c.subcategories.map((s) => ({
      code: s.code,
      zh: s.zh,
      en: s.en,
      entries: taxonomy.entries.filter((e) => e.subcategory === s.code).map((e) => ({ code: e.code, zh: e.zh, en: e.en, eligible: e.eligible })),
    })),
  }));
}
