import { checkEvidenceIdentity } from './check-evidence-identity.js';
import { refuseDuplicates } from './refuse-duplicates.js';
import { assertValid } from './assert-valid.js';
import { populationValidator } from './schema-validators.js';
import type { Population } from './types.js';

/**
 * Checks parsed JSON against schemas/points/population.schema.json, that subject ids are unique and
 * that ids are unique within each subject. Throws an PointsInputError with the path of the first error.
 */
export function validatePopulation(json: unknown): Population {
  const population = assertValid<Population>(populationValidator, json, 'population');
  refuseDuplicates(population.subjects.map((s) => s.subject.id), (i) => `/subjects/${i}/subject/id`, 'subject id');
  population.subjects.forEach((evidence, index) => checkEvidenceIdentity(evidence, `/subjects/${index}`));
  return population;
}
