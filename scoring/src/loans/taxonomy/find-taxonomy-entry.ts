import { greenTaxonomy } from './green-taxonomy.js';
import type { GreenTaxonomy, NamedCode, TaxonomyEntry } from './types.js';

const plain = ({ code, zh, en }: NamedCode): NamedCode => ({ code, zh, en });

/** The entry with this code, every code resolved to its bilingual names and sources; null when unknown. */
export function findTaxonomyEntry(code: string, taxonomy: GreenTaxonomy = greenTaxonomy): TaxonomyEntry | null {
  const entry = taxonomy.entries.find((e) => e.code === code);
  if (!entry) return null;
  const category = taxonomy.categories.find((c) => c.subcategories.some((s) => s.code === entry.subcategory))!;
  return {
    code: entry.code,
    zh: entry.zh,
    en: entry.en,
    category: plain(category),
    subcategory: plain(category.subcategories.find((s) => s.code === entry.subcategory)!),
    catalogueItem: entry.catalogueItem,
    pbocLoanUse: plain(taxonomy.pbocLoanUses.find((u) => u.code === entry.pbocLoanUse)!),
    icmaCategory: plain(taxonomy.icmaCategories.find((u) => u.code === entry.icmaCategory)!),
    measures: entry.measures.map((m) => taxonomy.measures.find((x) => x.code === m)!),
    eligible: entry.eligible,
    regionalNote: entry.regionalNote ?? null,
    sources: entry.sources.map((s) => taxonomy.sources.find((x) => x.id === s)!),
    taxonomyVersion: taxonomy.version,
  };
}
