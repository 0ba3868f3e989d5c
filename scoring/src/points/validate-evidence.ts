import { checkEvidenceIdentity } from './check-evidence-identity.js';
import { assertValid } from './assert-valid.js';
import { evidenceValidator } from './schema-validators.js';
import type { SubjectEvidence } from './types.js';

/**
 * Checks parsed JSON against schemas/points/evidence.schema.json (a subject with its events and
 * indicator values) and that ids are unique. Throws an PointsInputError with the path of the first error.
 */
export function validateEvidence(json: unknown): SubjectEvidence {
  const evidence = assertValid<SubjectEvidence>(evidenceValidator, json, 'evidence');
  checkEvidenceIdentity(evidence);
  return evidence;
}
