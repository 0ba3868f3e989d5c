// The green taxonomy shared by loans and bonds (scoring/taxonomy/green-taxonomy.json).

export interface NamedCode {
  code: string;
  zh: string;
  en: string;
}

export interface TaxonomyMeasure extends NamedCode {
  unit: string;
}

export interface TaxonomySource {
  id: string;
  citation: string;
  url?: string;
}

export interface TaxonomyCategory extends NamedCode {
  subcategories: NamedCode[];
}

export interface TaxonomyEntryData extends NamedCode {
  subcategory: string;
  catalogueItem: string;
  pbocLoanUse: string;
  icmaCategory: string;
  measures: string[];
  eligible: boolean;
  regionalNote?: string;
  sources: string[];
}

export interface GreenTaxonomy {
  $schema?: string;
  version: string;
  note?: string;
  sources: TaxonomySource[];
  measures: TaxonomyMeasure[];
  icmaCategories: NamedCode[];
  pbocLoanUses: NamedCode[];
  categories: TaxonomyCategory[];
  entries: TaxonomyEntryData[];
}

/** An entry with every code resolved to its names. */
export interface TaxonomyEntry extends NamedCode {
  category: NamedCode;
  subcategory: NamedCode;
  catalogueItem: string;
  pbocLoanUse: NamedCode;
  icmaCategory: NamedCode;
  measures: TaxonomyMeasure[];
  eligible: boolean;
  regionalNote: string | null;
  sources: TaxonomySource[];
  taxonomyVersion: string;
}

export interface TaxonomyCategoryTree extends NamedCode {
  subcategories: (NamedCode & { entries: (NamedCode & { eligible: boolean })[] })[];
}
