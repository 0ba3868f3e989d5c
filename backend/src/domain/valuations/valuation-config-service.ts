// The valuation configuration as versioned data: seeded with the engine's default, replaced by an
// administrator with a new, schema-validated version; every stored version stays readable.
import { defaultValuationConfig, validateValuationConfig, type ValuationConfig } from '@eco/scoring';
import type { RevaluationPolicy, StoredValuationConfig, ValuationConfigRepository } from '../../db/valuation-configs/valuation-config.repository.js';
import type { AuditTrail } from '../audit/audit-trail.js';
import type { Clock } from '../clock.js';
import { AppError, notFound } from '../errors/index.js';
import type { Actor, Principal } from '../identity/principal.js';
import { withEngineErrors } from './engine-errors.js';

export const defaultRevaluationPolicy: RevaluationPolicy = { priceMoveThreshold: 0.1 };

export class ValuationConfigService {
  constructor(private readonly deps: { configs: ValuationConfigRepository; audit: AuditTrail; clock: Clock }) {}

  /** The version in force (the newest); the engine default is stored first when there is none. */
  async current(): Promise<StoredValuationConfig> {
    const newest = await this.deps.configs.newest();
    if (newest) return newest;
    await this.deps.configs.insert({ version: defaultValuationConfig.version, config: defaultValuationConfig, revaluation: defaultRevaluationPolicy, createdBy: 'system', createdAt: this.deps.clock.now() });
    return (await this.deps.configs.newest())!;
  }

  async version(version: string): Promise<StoredValuationConfig> {
    if (version === defaultValuationConfig.version) await this.current();
    const stored = await this.deps.configs.findVersion(version);
    if (!stored) throw notFound(`valuation configuration ${version}`);
    return stored;
  }

  async list(): Promise<Omit<StoredValuationConfig, 'config'>[]> {
    await this.current();
    return this.deps.configs.list();
  }

  async create(actor: Actor & { principal: Principal }, body: { config: unknown; revaluation: RevaluationPolicy }): Promise<StoredValuationConfig> {
    await this.current();
    const config: ValuationConfig = withEngineErrors(() => validateValuationConfig(body.config), 'config.');
    const stored = { version: config.version, config, revaluation: body.revaluation, createdBy: actor.principal.username, createdAt: this.deps.clock.now() };
    if (!(await this.deps.configs.insert(stored))) {
      throw new AppError('VALUATION_CONFIG_VERSION_EXISTS', `version ${config.version} already exists; configurations are never changed, give the new one a new version`, { field: 'config.version' });
    }
    await this.deps.audit.append(actor, { action: 'valuation-config.create', entityType: 'valuation-config', entityId: config.version, after: { version: config.version, revaluation: body.revaluation } });
    return stored;
  }
}
