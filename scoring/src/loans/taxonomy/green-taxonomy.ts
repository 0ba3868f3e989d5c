import taxonomyJson from '@eco/scoring/taxonomy/green-taxonomy.json' with { type: 'json' };
import type { GreenTaxonomy } from './types.js';
import { validateGreenTaxonomy } from './validate-green-taxonomy.js';

/** The shipped green taxonomy (scoring/taxonomy/green-taxonomy.json), validated at load. */
export const greenTaxonomy: GreenTaxonomy = validateGreenTaxonomy(taxonomyJson);
