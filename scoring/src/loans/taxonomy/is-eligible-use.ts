import { greenTaxonomy } from './green-taxonomy.js';
import type { GreenTaxonomy } from './types.js';

/** True when the code names a taxonomy entry eligible as a green use of proceeds; false for unknown or excluded codes. */
export function isEligibleUse(code: string, taxonomy: GreenTaxonomy = greenTaxonomy): boolean {
  return taxonomy.entries.some((e) => e.code === code && e.eligible);
}
