// The guarantee rules as versioned data: the default version (scoring/config/guarantee-rules.json) is
// stored first; an administrator uploads a new version, validated against
// schemas/guarantees/guarantee-rules.schema.json and the checks a schema cannot state (shares total
// 100 %, rising tiers). The newest version is in force for new requests; each guarantee records the
// version it was requested under and its later steps read that version.
import { defaultGuaranteeRules, GuaranteeInputError, validateGuaranteeRules, type GuaranteeRules } from '@eco/scoring';
import type { GuaranteeRulesRepository, StoredGuaranteeRules } from '../../db/guarantees/guarantee-rules.repository.js';
import type { AuditTrail } from '../audit/audit-trail.js';
import type { Clock } from '../clock.js';
import { AppError, notFound } from '../errors/index.js';
import type { Actor, Principal } from '../identity/principal.js';

export class GuaranteeRulesService {
  /** Versions are never changed once stored, so a version read once is kept. */
  private readonly cache = new Map<string, GuaranteeRules>();

  constructor(private readonly deps: { rules: GuaranteeRulesRepository; audit: AuditTrail; clock: Clock }) {}

  /** The version in force: the newest uploaded whose effectiveFrom has come; the default is stored first when there is none. */
  async current(): Promise<GuaranteeRules> {
    let all = await this.deps.rules.all();
    if (all.length === 0) {
      await this.deps.rules.insert({ version: defaultGuaranteeRules.version, rules: defaultGuaranteeRules, createdBy: 'system', createdAt: new Date(0) });
      all = await this.deps.rules.all();
    }
    const today = this.deps.clock.now().toISOString().slice(0, 10);
    const inForce = all.find((r) => r.rules.effectiveFrom <= today) ?? all[all.length - 1]!;
    this.cache.set(inForce.version, inForce.rules);
    return inForce.rules;
  }

  /** The rules of one version (a guarantee's steps read the version it recorded). */
  async version(version: string): Promise<GuaranteeRules> {
    const cached = this.cache.get(version);
    if (cached) return cached;
    if (version === defaultGuaranteeRules.version) await this.current();
    const stored = await this.deps.rules.findVersion(version);
    if (!stored) {
      if (version === defaultGuaranteeRules.version) return defaultGuaranteeRules;
      throw notFound(`guarantee rules ${version}`);
    }
    this.cache.set(version, stored.rules);
    return stored.rules;
  }

  async stored(version: string): Promise<StoredGuaranteeRules> {
    await this.current();
    const stored = await this.deps.rules.findVersion(version);
    if (!stored) throw notFound(`guarantee rules ${version}`);
    return stored;
  }

  async list(): Promise<Omit<StoredGuaranteeRules, 'rules'>[]> {
    await this.current();
    return this.deps.rules.list();
  }

  /** Stores an uploaded version after validation; the version must be new. */
  async create(actor: Actor & { principal: Principal }, body: { rules: unknown }): Promise<StoredGuaranteeRules> {
    await this.current();
    let rules: GuaranteeRules;
    try {
      rules = validateGuaranteeRules(body.rules);
    } catch (e) {
      if (e instanceof GuaranteeInputError) throw new AppError('GUARANTEE_INPUT_INVALID', e.message, { field: `rules.${e.field}` });
      throw e;
    }
    const stored = { version: rules.version, rules, createdBy: actor.principal.username, createdAt: this.deps.clock.now() };
    if (!(await this.deps.rules.insert(stored))) {
      throw new AppError('GUARANTEE_RULES_VERSION_EXISTS', `version ${rules.version} already exists; rules are never changed, give the new one a new version`, { field: 'rules.version' });
    }
    this.cache.set(rules.version, rules);
    await this.deps.audit.append(actor, { action: 'guarantee-rules.create', entityType: 'guarantee-rules', entityId: rules.version, after: { version: rules.version, effectiveFrom: rules.effectiveFrom } });
    return stored;
  }
}
