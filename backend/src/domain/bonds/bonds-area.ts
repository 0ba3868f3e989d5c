// Wiring of the green-bond area (framework, review, ledger, impact reports), called from platform.ts.
// Registers the reviewer's read access to documents of bonds assigned to it.
import type { Connection } from 'mongoose';
import { BondRepository, ImpactReportRepository } from '../../db/bonds/bond.repository.js';
import type { InstitutionRepository } from '../../db/institutions/institution.repository.js';
import type { LoanRepository } from '../../db/loans/loan.repository.js';
import type { SubjectRepository } from '../../db/subjects/subject.repository.js';
import type { AuditTrail } from '../audit/audit-trail.js';
import type { Clock } from '../clock.js';
import type { DocumentService } from '../documents/document-service.js';
import { BondService } from './bond-service.js';
import { BondWorkflow } from './bond-workflow.js';
import { ImpactReports } from './impact-reports.js';

export interface BondsWiring {
  connection: Connection;
  clock: Clock;
  audit: AuditTrail;
  documents: DocumentService;
  institutions: InstitutionRepository;
  subjects: SubjectRepository;
  /** A bank's green loans, linked to its green financial bond. */
  loans: LoanRepository;
}

export function bondsArea(w: BondsWiring) {
  const bonds = new BondRepository(w.connection);
  const reports = new ImpactReportRepository(w.connection);
  const workflow = new BondWorkflow({ bonds, audit: w.audit, clock: w.clock });
  const service = new BondService({ bonds, workflow, documents: w.documents, institutions: w.institutions, subjects: w.subjects, loans: w.loans, clock: w.clock });
  const impactReports = new ImpactReports({ bonds, reports, workflow, audit: w.audit, clock: w.clock });
  // The issuer (an enterprise's users, or the issuing bank's staff) reads the review report of its own bond (the reviewer uploaded it).
  w.documents.grantAccess(async (principal, meta) => {
    if (meta.ownerType !== 'institution' || (!principal.subjectId && !principal.institutionId)) return false;
    const bond = await bonds.referencesDocument(meta.id);
    if (!bond) return false;
    if (principal.subjectId) return bond.issuerSubjectId === principal.subjectId;
    return !!bond.issuerInstitutionId && bond.issuerInstitutionId === principal.institutionId;
  });
  return { bondRepositories: { bonds, reports }, bonds: service, bondReports: impactReports };
}

export type BondsArea = ReturnType<typeof bondsArea>;
