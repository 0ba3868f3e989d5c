// Wiring of the securitisation area (loan pools), called from platform.ts. The review report stays
// the reviewer’s document; the pool records its SHA-256.
import type { Connection } from 'mongoose';
import { defaultSecuritisationConfig } from '@eco/scoring';
import type { AssetRepository } from '../../db/assets/asset.repository.js';
import type { InstitutionRepository } from '../../db/institutions/institution.repository.js';
import type { LoanRepository } from '../../db/loans/loan.repository.js';
import { LoanPoolMarker, PoolRepository } from '../../db/securitisation-pools/pool.repository.js';
import type { SubjectRepository } from '../../db/subjects/subject.repository.js';
import type { AuditTrail } from '../audit/audit-trail.js';
import type { Clock } from '../clock.js';
import type { DocumentService } from '../documents/document-service.js';
import type { PriceService } from '../prices/price-service.js';
import type { ValuationConfigService } from '../valuations/valuation-config-service.js';
import { PoolService } from './pool-service.js';

export interface SecuritisationWiring {
  connection: Connection;
  clock: Clock;
  audit: AuditTrail;
  documents: DocumentService;
  institutions: InstitutionRepository;
  subjects: SubjectRepository;
  assets: AssetRepository;
  loans: LoanRepository;
  prices: PriceService;
  valuationConfigs: ValuationConfigService;
}

export function securitisationArea(w: SecuritisationWiring) {
  const pools = new PoolRepository(w.connection);
  const marker = new LoanPoolMarker(w.connection);
  const service = new PoolService({ ...w, pools, marker, config: defaultSecuritisationConfig });
  return { securitisationRepositories: { pools }, securitisation: service };
}

export type SecuritisationArea = ReturnType<typeof securitisationArea>;
