// Wires repositories and domain services onto one database connection. The HTTP app, the jobs,
// the CLI and the tests all start from here.
import type { Connection } from 'mongoose';
import type { Config } from './config/index.js';
import { ensureIndexes } from './db/connection.js';
import { DocumentRepository } from './db/documents/document.repository.js';
import { InstitutionRepository } from './db/institutions/institution.repository.js';
import { RateLimitRepository } from './db/rate-limits/rate-limit.repository.js';
import { RefreshTokenRepository } from './db/refresh-tokens/refresh-token.repository.js';
import { SubjectRepository } from './db/subjects/subject.repository.js';
import { UserRepository } from './db/users/user.repository.js';
import { BankRelationships } from './domain/access/bank-relationships.js';
import { assetRepositories, assetServices } from './domain/assets/asset-area.js';
import { AuditTrail } from './domain/audit/audit-trail.js';
import { systemClock, type Clock } from './domain/clock.js';
import { DocumentService } from './domain/documents/document-service.js';
import { AuthService } from './domain/identity/auth-service.js';
import { DirectoryService } from './domain/identity/directory-service.js';
import { JobService } from './domain/jobs/job-service.js';
import { guaranteesArea } from './domain/guarantees/guarantees-area.js';
import { loansArea } from './domain/loans/loans-area.js';
import { bondsArea } from './domain/bonds/bonds-area.js';
import { ecologyArea } from './domain/gep/ecology-area.js';
import { securitisationArea } from './domain/securitisation/securitisation-area.js';
import { productOrdersArea } from './domain/product-orders/product-orders-area.js';
import { certificationArea } from './domain/certification/certification-area.js';
import { tradingArea } from './domain/trading/trading-area.js';
import { damageArea } from './domain/damage/damage-area.js';
import { statisticsArea } from './domain/statistics/statistics-area.js';
import { pointsServices } from './domain/points/points-services.js';
import { jobDefinitions } from './jobs/index.js';
import type { Logger } from './logger.js';

export interface PlatformOptions {
  config: Config;
  connection: Connection;
  logger: Logger;
  /** Name of the database engine, reported by /api/health. */
  engine: string;
  clock?: Clock;
}

export type Platform = ReturnType<typeof wire>;

function wire({ config, connection, logger, engine, clock = systemClock }: PlatformOptions) {
  const repositories = {
    institutions: new InstitutionRepository(connection),
    subjects: new SubjectRepository(connection),
    users: new UserRepository(connection),
    refreshTokens: new RefreshTokenRepository(connection),
    rateLimits: new RateLimitRepository(connection),
    documents: new DocumentRepository(connection),
    ...assetRepositories(connection),
  };
  const audit = new AuditTrail(connection, clock);
  const bankRelationships = new BankRelationships();
  const documents = new DocumentService({ documents: repositories.documents, audit, clock });
  const auth = new AuthService({ config: config.auth, clock, audit, ...repositories });
  const services = {
    audit,
    bankRelationships,
    auth,
    directory: new DirectoryService({ ...repositories, audit, now: () => clock.now(), sessions: auth }),
    documents,
    ...assetServices(repositories, { audit, clock, documents, bankRelationships }),
    jobs: new JobService(jobDefinitions, logger, config.jobs.processEveryMs),
  };
  const points = pointsServices({
    connection, config, clock, audit, documents: services.documents, bankRelationships: services.bankRelationships, institutions: repositories.institutions,
  });
  const loans = loansArea({
    connection, clock, audit, documents, bankRelationships, institutions: repositories.institutions, subjects: repositories.subjects, assets: repositories.assets,
    encumbrance: services.assetEncumbrance, valuations: services.valuations, snapshots: points.repositories.snapshots,
  });
  const guarantees = guaranteesArea({ connection, clock, audit, documents, institutions: repositories.institutions, subjects: repositories.subjects, loans, encumbrance: services.assetEncumbrance, assets: repositories.assets });
  const bonds = bondsArea({ connection, clock, audit, documents, institutions: repositories.institutions, subjects: repositories.subjects, loans: loans.loanRepositories.loans });
  const ecology = ecologyArea({ connection, clock, audit, institutions: repositories.institutions });
  const damage = damageArea({ connection, clock, audit, documents, institutions: repositories.institutions, subjects: repositories.subjects, bankRelationships, points });
  const trading = tradingArea({ connection, clock, audit, assets: repositories.assets });
  const certification = certificationArea({ connection, clock, audit, documents, institutions: repositories.institutions, subjects: repositories.subjects, assets: repositories.assets, points });
  const securitisation = securitisationArea({ connection, clock, audit, documents, institutions: repositories.institutions, subjects: repositories.subjects, assets: repositories.assets, loans: loans.loanRepositories.loans, prices: services.prices, valuationConfigs: services.valuationConfigs });
  const productOrders = productOrdersArea({ clock, audit, documents, assets: repositories.assets, encumbrance: services.assetEncumbrance, valuations: services.valuations, snapshots: points.repositories.snapshots, loans: loans.loanRepositories.loans, loanServicing: loans.loanServicing });
  const statistics = statisticsArea({ connection, clock, institutions: repositories.institutions, subjects: repositories.subjects, bonds: bonds.bondRepositories, trades: trading.tradingRepositories.trades });
  return {
    config,
    logger,
    clock,
    connection,
    repositories,
    services: { ...services, points, ...loans, ...guarantees, ...bonds, ...ecology, ...statistics, ...securitisation, ...productOrders, ...certification, ...trading, ...damage },
    databaseHealth: () => ({ engine, state: connection.readyState === 1 ? 'connected' : 'disconnected' }),
  };
}

/** Builds the platform and makes sure every declared index exists. */
export async function createPlatform(options: PlatformOptions): Promise<Platform> {
  const platform = wire(options);
  await ensureIndexes(options.connection);
  await platform.services.points.library.ensureDefaults();
  return platform;
}

/** Starts the background jobs (when enabled in configuration). */
export async function startJobs(platform: Platform): Promise<void> {
  if (!platform.config.jobs.enabled) return;
  await platform.services.jobs.start(platform.connection.db as never, platform);
}
