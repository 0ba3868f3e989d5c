// Wires the points area onto one connection: repositories and services (called from platform.ts).
import type { Connection } from 'mongoose';
import type { Config } from '../../config/index.js';
import type { InstitutionRepository } from '../../db/institutions/institution.repository.js';
import { IndicatorSubmissionRepository } from '../../db/points-indicator-submissions/indicator-submission.repository.js';
import { IngestBatchRepository } from '../../db/points-ingest-batches/ingest-batch.repository.js';
import { PointsEventRepository } from '../../db/points-events/points-event.repository.js';
import { LedgerRepository } from '../../db/points-ledger/ledger.repository.js';
import { PartnerKeyRepository } from '../../db/points-partner-keys/partner-key.repository.js';
import { PointsCaseRepository } from '../../db/points-cases/points-case.repository.js';
import { PopulationRepository } from '../../db/points-population/population.repository.js';
import { RecomputeRunRepository } from '../../db/points-recompute-runs/recompute-run.repository.js';
import { RuleSetVersionRepository } from '../../db/points-rule-sets/rule-set-version.repository.js';
import { SnapshotRepository } from '../../db/points-snapshots/snapshot.repository.js';
import type { BankRelationships } from '../access/bank-relationships.js';
import type { AuditTrail } from '../audit/audit-trail.js';
import type { Clock } from '../clock.js';
import type { DocumentService } from '../documents/document-service.js';
import { PointsAccountService } from './account-service.js';
import { IndicatorSubmissionService } from './indicator-submissions.js';
import { IngestionService } from './ingestion-service.js';
import { PartnerKeyService } from './partner-keys.js';
import { PointsAccess } from './points-access.js';
import { PointsCaseService } from './points-cases.js';
import { RecomputeService } from './recompute-service.js';
import { RescoringService } from './rescoring-service.js';
import { RuleSetLibrary } from './rule-set-library.js';
import { RuleSetService } from './rule-set-service.js';

export interface PointsWiring {
  connection: Connection;
  config: Config;
  clock: Clock;
  audit: AuditTrail;
  documents: DocumentService;
  bankRelationships: BankRelationships;
  institutions: InstitutionRepository;
}

export function pointsRepositories(connection: Connection) {
  return {
    events: new PointsEventRepository(connection),
    batches: new IngestBatchRepository(connection),
    ledger: new LedgerRepository(connection),
    snapshots: new SnapshotRepository(connection),
    runs: new RecomputeRunRepository(connection),
    versions: new RuleSetVersionRepository(connection),
    submissions: new IndicatorSubmissionRepository(connection),
    cases: new PointsCaseRepository(connection),
    keys: new PartnerKeyRepository(connection),
    population: new PopulationRepository(connection),
  };
}

export function pointsServices({ connection, config, clock, audit, documents, bankRelationships, institutions }: PointsWiring) {
  const repos = pointsRepositories(connection);
  const library = new RuleSetLibrary(repos.versions, () => clock.now());
  const rescoring = new RescoringService({ ...repos, library, clock });
  const access = new PointsAccess(bankRelationships);
  return {
    repositories: repos,
    library,
    rescoring,
    access,
    partners: new PartnerKeyService({ keys: repos.keys, institutions, audit, clock }),
    ingestion: new IngestionService({ ...repos, rescoring, audit, clock, dedupWindowMinutes: config.points.dedupWindowMinutes }),
    accounts: new PointsAccountService({ ...repos, library, rescoring, access }),
    submissions: new IndicatorSubmissionService({ ...repos, documents, library, rescoring, audit, clock }),
    cases: new PointsCaseService({ ...repos, documents, rescoring, audit, clock, deadlines: config.points }),
    ruleSets: new RuleSetService({ ...repos, library, audit, clock }),
    recompute: new RecomputeService({ ...repos, rescoring, audit, clock, batchSize: config.points.recomputeBatchSize }),
  };
}

export type PointsServices = ReturnType<typeof pointsServices>;
