// Admin lifecycle of rule-set versions: upload with validation errors naming the path, simulation
// on the present population (grade migration matrix), scheduling at a future date, withdrawal.
import { PointsInputError, simulateRuleChange, validateRuleSet, type Population, type RuleSet, type SimulationResult, type SubjectType } from '@eco/scoring';
import type { IndicatorSubmissionRepository } from '../../db/points-indicator-submissions/indicator-submission.repository.js';
import type { PointsEventRepository } from '../../db/points-events/points-event.repository.js';
import type { Page, PageRequest } from '../../db/page.js';
import type { PopulationRepository } from '../../db/points-population/population.repository.js';
import type { RuleSetVersion, RuleSetVersionRepository } from '../../db/points-rule-sets/rule-set-version.repository.js';
import type { AuditTrail } from '../audit/audit-trail.js';
import type { Clock } from '../clock.js';
import { AppError, notFound } from '../errors/index.js';
import type { Actor, Principal } from '../identity/principal.js';
import { chinaDate } from './china-date.js';
import type { RuleSetLibrary } from './rule-set-library.js';
import { ruleSetTransitions, type RuleSetAction } from './rule-set-lifecycle.js';
import { groupBySubject, subjectEvidence } from './subject-evidence.js';

export interface StoredSimulation {
  asOf: string;
  ranAt: Date;
  result: SimulationResult;
}

export interface RuleSetDeps {
  versions: RuleSetVersionRepository;
  library: RuleSetLibrary;
  population: PopulationRepository;
  events: PointsEventRepository;
  submissions: IndicatorSubmissionRepository;
  audit: AuditTrail;
  clock: Clock;
}

type Authenticated = Actor & { principal: Principal };
export type RuleSetDetail = Omit<RuleSetVersion, 'definition'> & { definition: RuleSet; inForceNow: boolean };

const populationChunk = 500;

/** `/rules/3/dailyCapCentipoints` → `definition.rules.3.dailyCapCentipoints`. */
const fieldOfPath = (path: string): string => ['definition', ...path.split('/').filter(Boolean)].join('.');

export class RuleSetService {
  constructor(private readonly deps: RuleSetDeps) {}

  private today(): string {
    return chinaDate(this.deps.clock.now());
  }

  async upload(actor: Authenticated, definition: unknown): Promise<RuleSetDetail> {
    let ruleSet: RuleSet;
    try {
      ruleSet = validateRuleSet(definition);
    } catch (e) {
      if (!(e instanceof PointsInputError)) throw e;
      throw new AppError('POINTS_RULE_SET_INVALID', e.message, { field: fieldOfPath(e.path), details: { path: e.path } });
    }
    const stored = await this.deps.versions.insert({
      ruleSetId: ruleSet.id, version: ruleSet.version, subjectType: ruleSet.subjectType, effectiveFrom: ruleSet.effectiveFrom,
      state: 'validated', definition: JSON.stringify(definition), uploadedBy: actor.principal.username, uploadedAt: this.deps.clock.now(),
    });
    if (!stored) throw new AppError('POINTS_RULE_SET_EXISTS', `${ruleSet.id} version ${ruleSet.version} exists already; upload a new version`, { field: 'definition.version' });
    await this.deps.audit.append(actor, {
      action: 'points.rule-set.upload', entityType: 'points_rule_set', entityId: stored.id,
      after: { ruleSetId: stored.ruleSetId, version: stored.version, subjectType: stored.subjectType, state: stored.state },
    });
    return this.detail(stored);
  }

  list(page: PageRequest, subjectType?: string): Promise<Page<Omit<RuleSetVersion, 'definition' | 'simulation'>>> {
    return this.deps.versions.list(page, subjectType);
  }

  async get(id: string): Promise<RuleSetDetail> {
    const version = await this.deps.versions.find(id);
    if (!version) throw notFound('rule set');
    return this.detail(version);
  }

  /** Scores the present population under the version in force today and under this one. */
  async simulate(actor: Authenticated, id: string): Promise<RuleSetDetail> {
    const version = await this.require(id, 'simulate');
    const candidate = this.deps.library.parse(version);
    const asOf = this.today();
    const current = await this.deps.library.inForce(candidate.subjectType, asOf);
    const result = simulateRuleChange(await this.population(candidate.subjectType), current, { ...candidate, subjectType: candidate.subjectType }, asOf);
    const simulation: StoredSimulation = { asOf, ranAt: this.deps.clock.now(), result };
    return this.transition(actor, version, 'simulate', { simulation });
  }

  async schedule(actor: Authenticated, id: string, activateOn: string): Promise<RuleSetDetail> {
    const version = await this.require(id, 'schedule');
    if (activateOn <= this.today()) {
      throw new AppError('POINTS_ACTIVATION_NOT_IN_FUTURE', `the activation date must be after today (${this.today()})`, { field: 'activateOn' });
    }
    return this.transition(actor, version, 'schedule', { effectiveFrom: activateOn });
  }

  async withdraw(actor: Authenticated, id: string): Promise<RuleSetDetail> {
    const version = await this.require(id, 'withdraw');
    if (version.state === 'scheduled' && version.effectiveFrom <= this.today()) {
      throw new AppError('POINTS_INVALID_TRANSITION', 'this version has taken effect; it stays, and a newer version replaces it');
    }
    return this.transition(actor, version, 'withdraw');
  }

  private async require(id: string, action: RuleSetAction): Promise<RuleSetVersion> {
    const version = await this.deps.versions.find(id);
    if (!version) throw notFound('rule set');
    if (!ruleSetTransitions[action].from.includes(version.state)) {
      throw new AppError('POINTS_INVALID_TRANSITION', `cannot ${action} a ${version.state} version: ${ruleSetTransitions[action].rule}`);
    }
    return version;
  }

  private async transition(actor: Authenticated, version: RuleSetVersion, action: RuleSetAction, set: Record<string, unknown> = {}): Promise<RuleSetDetail> {
    const { from, to } = ruleSetTransitions[action];
    const after = await this.deps.versions.transition(version.id, from, to, set);
    if (!after) throw new AppError('POINTS_INVALID_TRANSITION', 'the version changed meanwhile; reload it');
    await this.deps.audit.append(actor, {
      action: `points.rule-set.${action}`, entityType: 'points_rule_set', entityId: version.id,
      before: { state: version.state, effectiveFrom: version.effectiveFrom }, after: { state: after.state, effectiveFrom: after.effectiveFrom },
    });
    return this.detail(after);
  }

  private detail(version: RuleSetVersion): RuleSetDetail {
    const definition = this.deps.library.parse(version);
    return { ...version, definition, inForceNow: version.state === 'scheduled' && version.effectiveFrom <= this.today() };
  }

  /** Every subject of the type with its present evidence, read in chunks. */
  private async population(subjectType: SubjectType): Promise<Population> {
    const subjects = (await this.deps.population.ofType(subjectType)).filter((s) => s.type === subjectType);
    const population: Population = { subjects: [] };
    for (let i = 0; i < subjects.length; i += populationChunk) {
      const chunk = subjects.slice(i, i + populationChunk);
      const ids = chunk.map((s) => s.id);
      const [events, submissions] = await Promise.all([this.deps.events.activeForSubjects(ids), this.deps.submissions.acceptedForSubjects(ids)]);
      const eventsBy = groupBySubject(events);
      const submissionsBy = groupBySubject(submissions);
      for (const s of chunk) population.subjects.push(subjectEvidence(s, eventsBy.get(s.id) ?? [], submissionsBy.get(s.id) ?? []));
    }
    return population;
  }
}
