// Wiring of certified products and traceability (certificates, batches, custody chains, public
// lookup), called from platform.ts.
import type { Connection } from 'mongoose';
import type { AssetRepository } from '../../db/assets/asset.repository.js';
import { CustodySigningKeyRepository } from '../../db/custody-signing-keys/custody-signing-key.repository.js';
import { CustodyStepRepository } from '../../db/custody-steps/custody-step.repository.js';
import type { InstitutionRepository } from '../../db/institutions/institution.repository.js';
import { ProductBatchRepository } from '../../db/product-batches/product-batch.repository.js';
import { ProductCertificateRepository } from '../../db/product-certificates/product-certificate.repository.js';
import type { SubjectRepository } from '../../db/subjects/subject.repository.js';
import type { AuditTrail } from '../audit/audit-trail.js';
import type { Clock } from '../clock.js';
import type { DocumentService } from '../documents/document-service.js';
import type { PointsServices } from '../points/points-services.js';
import { CertificationService } from './certification-service.js';
import { CertifiedProductionFeed } from './certified-production.js';
import { TraceabilityService } from './traceability-service.js';

export interface CertificationWiring {
  connection: Connection;
  clock: Clock;
  audit: AuditTrail;
  documents: DocumentService;
  institutions: InstitutionRepository;
  subjects: SubjectRepository;
  assets: AssetRepository;
  points: PointsServices;
}

export function certificationArea(w: CertificationWiring) {
  const repositories = {
    certificates: new ProductCertificateRepository(w.connection),
    batches: new ProductBatchRepository(w.connection),
    steps: new CustodyStepRepository(w.connection),
    keys: new CustodySigningKeyRepository(w.connection),
  };
  const certifiedProduction = new CertifiedProductionFeed({ certificates: repositories.certificates, submissions: w.points.repositories.submissions, subjects: w.subjects, rescoring: w.points.rescoring, clock: w.clock });
  const certification = new CertificationService({ certificates: repositories.certificates, documents: w.documents, institutions: w.institutions, subjects: w.subjects, audit: w.audit, clock: w.clock, certifiedProduction });
  const traceability = new TraceabilityService({ ...repositories, assets: w.assets, certification, documents: w.documents, institutions: w.institutions, subjects: w.subjects, audit: w.audit, clock: w.clock });
  // A producer reads the documents of its own certificates (uploaded by the certifier).
  w.documents.grantAccess(async (principal, meta) => {
    if (!principal.subjectId || meta.ownerType !== 'institution') return false;
    const page = await repositories.certificates.list({ kind: 'producer', subjectId: principal.subjectId }, { limit: 200, offset: 0 });
    return page.items.some((c) => c.documents.some((d) => d.id === meta.id));
  });
  return { certificationRepositories: repositories, certification, traceability, certifiedProduction };
}

export type CertificationArea = ReturnType<typeof certificationArea>;
