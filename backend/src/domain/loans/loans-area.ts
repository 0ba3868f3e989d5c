// Wiring of the loan area (applications, bank review, servicing, approval limits), called from
// platform.ts. Registers who banks may see (applicants' scores, offered assets) and which
// application documents a bank may read.
import type { Connection } from 'mongoose';
import type { AssetRepository } from '../../db/assets/asset.repository.js';
import type { InstitutionRepository } from '../../db/institutions/institution.repository.js';
import type { SubjectRepository } from '../../db/subjects/subject.repository.js';
import { LoanApplicationRepository, LoanRepository } from '../../db/loans/loan.repository.js';
import type { BankRelationships } from '../access/bank-relationships.js';
import type { AuditTrail } from '../audit/audit-trail.js';
import type { Clock } from '../clock.js';
import type { DocumentService } from '../documents/document-service.js';
import { can } from '../identity/principal.js';
import { ApprovalLimits } from './approval-limits.js';
import { AssetCollateral, type EncumbranceOperations, type ValuationOperations } from './collateral-adapter.js';
import { LoanApplications } from './loan-applications.js';
import { LoanReview } from './loan-review.js';
import { LoanServicing } from './loan-servicing.js';
import { LoanWorkflow } from './loan-workflow.js';
import { SnapshotScore, type SnapshotSource } from './score-adapter.js';

export interface LoansWiring {
  connection: Connection;
  clock: Clock;
  audit: AuditTrail;
  documents: DocumentService;
  bankRelationships: BankRelationships;
  institutions: InstitutionRepository;
  subjects: SubjectRepository;
  assets: AssetRepository;
  encumbrance: EncumbranceOperations;
  valuations: ValuationOperations;
  snapshots: SnapshotSource;
}

export function loansArea(w: LoansWiring) {
  const loans = new LoanRepository(w.connection);
  const applications = new LoanApplicationRepository(w.connection);
  const { audit, clock } = w;
  const collateral = new AssetCollateral({ assets: w.assets, encumbrance: w.encumbrance, valuations: w.valuations, clock });
  const score = new SnapshotScore(w.snapshots);
  const workflow = new LoanWorkflow({ loans, audit, clock });
  const limits = new ApprovalLimits({ loans, audit });
  const applicationService = new LoanApplications({ applications, loans, institutions: w.institutions, documents: w.documents, collateral, score, workflow, audit, clock });
  const names = {
    subject: async (id: string) => (await w.subjects.findByIdUnscoped(id))?.name ?? id,
    institution: async (id: string) => (await w.institutions.findByIdUnscoped(id))?.name ?? id,
  };
  const review = new LoanReview({ loans, applications, workflow, limits, clock, names });
  const servicing = new LoanServicing({ loans, applications, applicationService, workflow, review, collateral, clock });

  w.bankRelationships.register({
    subjectAppliedTo: (institutionId, subjectId) => loans.existsFor({ institutionId, subjectId }),
    assetOfferedTo: (institutionId, assetId) => loans.existsFor({ institutionId, assetId }),
    assetsOfferedTo: (institutionId) => loans.assetIdsOfferedTo(institutionId),
  });
  // A bank reads the documents attached to an application made to it.
  w.documents.grantAccess(async (principal, meta) => {
    if (!principal.institutionId || meta.ownerType !== 'subject' || !(can(principal, 'loans.review') || can(principal, 'loans.approve'))) return false;
    return applications.referencesDocument(meta.ownerId, meta.id, principal.institutionId);
  });

  return {
    loanRepositories: { loans, applications },
    loanApplications: applicationService,
    loanReview: review,
    loanServicing: servicing,
    approvalLimits: limits,
  };
}

export type LoansArea = ReturnType<typeof loansArea>;
