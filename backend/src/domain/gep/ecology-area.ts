// Wiring of the ecology areas (product catalogue and monitoring, GEP accounting, basin compensation),
// called from platform.ts.
import type { Connection } from 'mongoose';
import { CompensationRepository } from '../../db/compensation/compensation.repository.js';
import { EcoCatalogueRepository } from '../../db/eco-catalogue/eco-catalogue.repository.js';
import { GepRunRepository } from '../../db/gep-runs/gep-run.repository.js';
import type { InstitutionRepository } from '../../db/institutions/institution.repository.js';
import type { AuditTrail } from '../audit/audit-trail.js';
import { CatalogueService } from '../catalogue/catalogue-service.js';
import type { Clock } from '../clock.js';
import { CompensationService } from '../compensation/compensation-service.js';
import { GepService } from './gep-service.js';

export function ecologyArea(w: { connection: Connection; clock: Clock; audit: AuditTrail; institutions: InstitutionRepository }) {
  const catalogueRepository = new EcoCatalogueRepository(w.connection);
  const gepRuns = new GepRunRepository(w.connection);
  const compensationRepository = new CompensationRepository(w.connection);
  return {
    catalogue: new CatalogueService({ catalogue: catalogueRepository, institutions: w.institutions, audit: w.audit }),
    gep: new GepService({ runs: gepRuns, audit: w.audit, clock: w.clock }),
    compensation: new CompensationService({ repository: compensationRepository, institutions: w.institutions, audit: w.audit, clock: w.clock }),
  };
}
