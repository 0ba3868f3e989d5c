// Wiring of ecological damage compensation cases, called from platform.ts.
import type { Connection } from 'mongoose';
import { DamageCaseRepository } from '../../db/damage-cases/damage-case.repository.js';
import type { InstitutionRepository } from '../../db/institutions/institution.repository.js';
import type { SubjectRepository } from '../../db/subjects/subject.repository.js';
import type { BankRelationships } from '../access/bank-relationships.js';
import type { AuditTrail } from '../audit/audit-trail.js';
import type { Clock } from '../clock.js';
import type { DocumentService } from '../documents/document-service.js';
import type { PointsServices } from '../points/points-services.js';
import { DamageService } from './damage-service.js';

export function damageArea(w: { connection: Connection; clock: Clock; audit: AuditTrail; documents: DocumentService; institutions: InstitutionRepository; subjects: SubjectRepository; bankRelationships: BankRelationships; points: PointsServices }) {
  const cases = new DamageCaseRepository(w.connection);
  const damage = new DamageService({ cases, documents: w.documents, institutions: w.institutions, subjects: w.subjects, bankRelationships: w.bankRelationships, points: w.points, audit: w.audit, clock: w.clock });
  // The responsible subject (and banks that see the case) read the case's evidence documents.
  w.documents.grantAccess(async (principal, meta) => {
    if (!principal.subjectId || meta.ownerType !== 'institution') return false;
    const page = await cases.list({ kind: 'subject', subjectId: principal.subjectId }, undefined, { limit: 200, offset: 0 });
    return page.items.some((c) => JSON.stringify([c.assessment, c.resolution, c.restoration]).includes(meta.id));
  });
  return { damageRepositories: { cases }, damage };
}
