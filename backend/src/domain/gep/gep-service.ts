// GEP accounting runs: a preparer computes a region's year from physical quantities and the versioned
// unit prices (scoring/config/gep-config.json); a reviewer who is not the preparer reviews and
// publishes; published versions are immutable and public; a correction is a new version naming what
// changed. Every step is a compare-and-set on the run's state within the caller's scope.
import { defaultGepConfig, ecoRegions, gepAccount, GepInputError, gepYearChange, MoneyError, type EcoRegions, type GepConfig } from '@eco/scoring';
import type { GepRun, GepRunInputs, GepRunRepository, GepRunScope, PublishIntent, UserRef } from '../../db/gep-runs/gep-run.repository.js';
import type { AuditTrail } from '../audit/audit-trail.js';
import type { Clock } from '../clock.js';
import { AppError, forbidden, notFound } from '../errors/index.js';
import { can, readsAllTenants, type Actor, type Principal } from '../identity/principal.js';
import { allowedGepRunActions, gepRunStateMachine, type GepRunAction, type GepRunState } from './gep-run-state-machine.js';

type Caller = Actor & { principal: Principal };
/** Who finishes or undoes an interrupted publication (the recovery job, or a public read that repairs on the way). */
const gepRecoveryActor: Actor = { requestId: 'gep-recovery' };
const systemRef: UserRef = { userId: 'system', username: 'system' };

export interface GepRunInput {
  region: string;
  year: number;
  population: number;
  areaKm2: string;
  gdpFen: number;
  quantities: Record<string, string>;
  siteCodes?: string[];
}

export type GepRunView = GepRun & { allowedActions: GepRunAction[] };
/** What the public page shows of a published run (no user names). */
export type PublicGepRun = Pick<GepRun, 'id' | 'region' | 'year' | 'version' | 'state' | 'changeNote' | 'correctsRunId' | 'supersededBy' | 'publishedAt' | 'configVersion' | 'result' | 'change' | 'previousRunId'>
  & { inputs: Omit<GepRunInputs, 'quantities'>; services: { code: string; nameZh: string; nameEn: string }[] };

const userRef = (p: Principal): UserRef => ({ userId: p.userId, username: p.username });

export function gepScopeOf(principal: Principal): GepRunScope {
  if (readsAllTenants(principal) || can(principal, 'gep.review')) return { kind: 'all' };
  if (principal.institutionId) return { kind: 'institution', institutionId: principal.institutionId };
  throw new AppError('FORBIDDEN', 'GEP runs are kept by institutions');
}

export class GepService {
  private readonly config: GepConfig;
  private readonly regions: EcoRegions;

  constructor(private readonly deps: { runs: GepRunRepository; audit: AuditTrail; clock: Clock; config?: GepConfig; regions?: EcoRegions }) {
    this.config = deps.config ?? defaultGepConfig;
    this.regions = deps.regions ?? ecoRegions;
  }

  get configuration(): GepConfig {
    return this.config;
  }

  /** The prefectures and counties a run (and a catalogue entry) may name (scoring/config/eco-regions.json). */
  get regionList(): EcoRegions {
    return this.regions;
  }

  /** Refuses a region that is not in the catalogue's list of prefectures and counties (400, field region). */
  requireKnownRegion(region: string, level?: 'prefecture' | 'county'): void {
    const known = this.regions.regions.find((r) => r.name === region);
    if (!known) {
      throw new AppError('GEP_INPUT_INVALID', `${region} is not a prefecture or county of the catalogue's region list ${this.regions.version}`, { field: 'region', details: { regionsVersion: this.regions.version } });
    }
    if (level && known.level !== level) throw new AppError('VALIDATION_FAILED', `${region} is a ${known.level}, not a ${level}`, { field: 'regionLevel' });
  }

  /** A new DRAFT (version 1) for a region and year; a second one is refused — correct the published one instead. */
  async create(actor: Caller, input: GepRunInput): Promise<GepRunView> {
    const institutionId = actor.principal.institutionId;
    if (!institutionId) throw new AppError('FORBIDDEN', 'GEP runs are prepared by an institution');
    this.requireKnownRegion(input.region);
    const computed = await this.compute(input);
    const run = await this.deps.runs.insert({
      institutionId, region: input.region, year: input.year, version: 1, correctsRunId: null, changeNote: null, state: 'DRAFT', stateSince: this.deps.clock.now(),
      preparedBy: userRef(actor.principal), ...computed,
    });
    if (!run) throw new AppError('GEP_RUN_EXISTS', `${input.region} already has a GEP run for ${input.year}; correct the published version instead`, { field: 'year' });
    await this.audit(actor, 'gep.create', null, run);
    return view(run);
  }

  async list(principal: Principal, filter: { region?: string; state?: string }): Promise<GepRunView[]> {
    return (await this.deps.runs.list(gepScopeOf(principal), { region: filter.region, states: filter.state?.split(',') })).map(view);
  }

  async get(principal: Principal, id: string): Promise<GepRunView> {
    return view(await this.visible(principal, id));
  }

  /** Replaces a draft's inputs and recomputes it; anything else is refused (published versions are immutable). */
  async update(actor: Caller, id: string, input: GepRunInput): Promise<GepRunView> {
    const scope = gepScopeOf(actor.principal);
    const run = await this.visible(actor.principal, id);
    if (input.region !== run.region || input.year !== run.year) throw new AppError('VALIDATION_FAILED', 'region and year of a run cannot change', { field: input.region !== run.region ? 'region' : 'year' });
    this.refuseUnlessAllowed(run, 'edit');
    const computed = await this.compute(input);
    const after = await this.deps.runs.transition(scope, id, ['DRAFT'], { ...computed, stateSince: this.deps.clock.now() }, this.history(actor, 'edit', run.state, 'DRAFT'));
    if (!after) return this.lostRace(scope, id, 'edit');
    await this.audit(actor, 'gep.edit', run, after);
    return view(after);
  }

  async review(actor: Caller, id: string, note: string): Promise<GepRunView> {
    return this.move(actor, id, 'review', { reviewedBy: userRef(actor.principal), reviewNote: note || null });
  }

  async returnToDraft(actor: Caller, id: string, note: string): Promise<GepRunView> {
    return this.move(actor, id, 'returnToDraft', { reviewedBy: null, reviewNote: note || null });
  }

  /**
   * REVIEWED → PUBLISHED. A correction's publication touches two documents, so it records its intent
   * on the correction first, then marks the version it corrects SUPERSEDED, then publishes the
   * correction (a unique index allows one PUBLISHED version per region and year). An interrupted
   * publication is finished or undone by recoverPublications(): never two published versions.
   */
  async publish(actor: Caller, id: string): Promise<GepRunView> {
    const run = await this.visible(actor.principal, id);
    if (!run.correctsRunId) return this.move(actor, id, 'publish', { publishedBy: userRef(actor.principal), publishedAt: this.deps.clock.now() });
    const step = gepRunStateMachine.publish;
    if (step.permission && !can(actor.principal, step.permission)) throw forbidden(step.permission);
    this.refuseUnlessAllowed(run, 'publish');
    if (run.preparedBy.userId === actor.principal.userId) throw new AppError('GEP_SELF_REVIEW', 'the preparer of a GEP run cannot review or publish it', { details: { action: 'publish' } });
    if (run.publishing) {
      const resumed = await this.finishPublication(run, actor);
      if (resumed?.state === 'PUBLISHED') return view(resumed);
    }
    const corrected = await this.deps.runs.find({ kind: 'all' }, run.correctsRunId);
    if (!corrected || (corrected.state !== 'PUBLISHED' && corrected.supersededBy !== run.id)) throw staleCorrection(run, corrected);
    const intent: PublishIntent = { supersedes: run.correctsRunId, by: userRef(actor.principal), at: this.deps.clock.now() };
    const scope = gepScopeOf(actor.principal);
    const marked = await this.deps.runs.transition(scope, id, ['REVIEWED'], { publishing: intent }, this.history(actor, 'publish.intent', 'REVIEWED', 'REVIEWED'), { publishing: null });
    if (!marked) return this.lostRace(scope, id, 'publish');
    const finished = await this.finishPublication(marked, actor);
    if (finished?.state === 'PUBLISHED') return view(finished);
    throw staleCorrection(run, await this.deps.runs.find({ kind: 'all' }, run.correctsRunId));
  }

  /**
   * Finishes or undoes the publications a crash left half-done (safe to rerun, and to run beside a
   * live publication: every step is a compare-and-set). Finished: the corrected version is
   * SUPERSEDED by this correction and the correction PUBLISHED. Undone: the corrected version was
   * superseded by another correction meanwhile; the intent is cleared and the correction stays REVIEWED.
   */
  async recoverPublications(): Promise<{ finished: string[]; undone: string[] }> {
    const out = { finished: [] as string[], undone: [] as string[] };
    for (const run of await this.deps.runs.withPublishIntent()) {
      const after = await this.finishPublication(run, gepRecoveryActor);
      if (after?.state === 'PUBLISHED') out.finished.push(run.id);
      else if (after && !after.publishing) out.undone.push(run.id);
    }
    return out;
  }

  private async finishPublication(run: GepRun, actor: Actor): Promise<GepRun | undefined> {
    const intent = run.publishing;
    if (!intent) return run;
    const now = this.deps.clock.now();
    const old = await this.deps.runs.find({ kind: 'all' }, intent.supersedes);
    if (old?.state === 'PUBLISHED') {
      const superseded = await this.deps.runs.transition({ kind: 'all' }, old.id, ['PUBLISHED'], { state: 'SUPERSEDED', stateSince: now, supersededBy: run.id }, this.systemHistory(actor, 'supersede', 'PUBLISHED', 'SUPERSEDED'));
      if (superseded) await this.audit(actor, 'gep.supersede', old, superseded);
    }
    const oldNow = await this.deps.runs.find({ kind: 'all' }, intent.supersedes);
    if (oldNow?.state === 'PUBLISHED') return undefined; // not yet superseded: the next recovery run tries again
    const expected = { 'publishing.supersedes': intent.supersedes };
    if (oldNow?.state === 'SUPERSEDED' && oldNow.supersededBy === run.id) {
      const published = await this.deps.runs.transition({ kind: 'all' }, run.id, ['REVIEWED'], { state: 'PUBLISHED', stateSince: now, publishedBy: intent.by, publishedAt: now, publishing: null },
        this.systemHistory(actor, 'publish', 'REVIEWED', 'PUBLISHED', intent.by), expected);
      if (published) {
        await this.audit(actor, actor === gepRecoveryActor ? 'gep.publish.recovered' : 'gep.publish', run, published);
        return published;
      }
      return this.deps.runs.find({ kind: 'all' }, run.id);
    }
    const undone = await this.deps.runs.transition({ kind: 'all' }, run.id, ['REVIEWED'], { publishing: null }, this.systemHistory(actor, 'publish.undone', 'REVIEWED', 'REVIEWED'), expected);
    if (undone) await this.audit(actor, 'gep.publish.undone', run, undone);
    return undone ?? this.deps.runs.find({ kind: 'all' }, run.id);
  }

  /** From a published version: a new DRAFT version (highest + 1) with new inputs and the note naming what changed. */
  async correct(actor: Caller, id: string, input: GepRunInput & { changeNote: string }): Promise<GepRunView> {
    const run = await this.visible(actor.principal, id);
    this.refuseUnlessAllowed(run, 'correct');
    if (!input.changeNote.trim()) throw new AppError('VALIDATION_FAILED', 'a correction names what changed', { field: 'changeNote' });
    if (input.region !== run.region || input.year !== run.year) throw new AppError('VALIDATION_FAILED', 'a correction keeps the region and year', { field: 'region' });
    const institutionId = actor.principal.institutionId;
    if (!institutionId) throw new AppError('FORBIDDEN', 'GEP runs are prepared by an institution');
    const computed = await this.compute(input);
    const version = (await this.deps.runs.highestVersion(run.region, run.year)) + 1;
    const created = await this.deps.runs.insert({
      institutionId, region: run.region, year: run.year, version, correctsRunId: run.id, changeNote: input.changeNote.trim(), state: 'DRAFT', stateSince: this.deps.clock.now(),
      preparedBy: userRef(actor.principal), ...computed,
    });
    if (!created) throw new AppError('GEP_RUN_EXISTS', `version ${version} of ${run.region} ${run.year} was just created by someone else`);
    await this.audit(actor, 'gep.correct', null, created);
    return view(created);
  }

  // ---- public ----

  /** Published runs (current versions) for the public page, by region and year. */
  async publicList(region?: string): Promise<PublicGepRun[]> {
    await this.repairOnRead();
    return (await this.deps.runs.list({ kind: 'all' }, { region, states: ['PUBLISHED'] })).map((r) => this.publicView(r));
  }

  /** A published or superseded version; drafts and reviewed runs do not exist for the public. */
  async publicGet(id: string): Promise<PublicGepRun> {
    await this.repairOnRead();
    const run = await this.deps.runs.find({ kind: 'all' }, id);
    if (!run || (run.state !== 'PUBLISHED' && run.state !== 'SUPERSEDED')) throw notFound('published GEP run');
    return this.publicView(run);
  }

  /** The published runs naming a GEP site of the asset registry (the figures an accounting-value site came from). */
  async forSite(siteCode: string): Promise<PublicGepRun[]> {
    return (await this.deps.runs.publishedForSite(siteCode)).map((r) => this.publicView(r));
  }

  publicView(run: GepRun): PublicGepRun {
    const { quantities: _q, ...inputs } = run.inputs;
    return {
      id: run.id, region: run.region, year: run.year, version: run.version, state: run.state, changeNote: run.changeNote, correctsRunId: run.correctsRunId,
      supersededBy: run.supersededBy, publishedAt: run.publishedAt, configVersion: run.configVersion, result: run.result, change: run.change, previousRunId: run.previousRunId, inputs,
      services: this.config.services.map((s) => ({ code: s.code, nameZh: s.nameZh, nameEn: s.nameEn })),
    };
  }

  // ---- internals ----

  /** Public reads finish interrupted publications older than a minute first (a live one is never that slow). */
  private async repairOnRead(): Promise<void> {
    const staleBefore = this.deps.clock.now().getTime() - 60_000;
    const stale = (await this.deps.runs.withPublishIntent()).filter((r) => new Date(r.publishing!.at).getTime() <= staleBefore);
    for (const run of stale) await this.finishPublication(run, gepRecoveryActor);
  }

  private async visible(principal: Principal, id: string): Promise<GepRun> {
    const run = await this.deps.runs.find(gepScopeOf(principal), id);
    if (!run) throw notFound('GEP run');
    return run;
  }

  /** The result from the configuration's unit prices, and the change against the previous year's published run. */
  private async compute(input: GepRunInput): Promise<Pick<GepRun, 'inputs' | 'configVersion' | 'result' | 'previousRunId' | 'change'>> {
    const known = new Set(this.config.services.map((s) => s.code));
    const unknown = Object.keys(input.quantities).find((code) => !known.has(code));
    if (unknown) throw new AppError('GEP_INPUT_INVALID', `${unknown} is not a service of GEP configuration ${this.config.version}`, { field: `quantities.${unknown}` });
    try {
      const result = gepAccount({
        population: input.population, areaKm2: input.areaKm2, gdpFen: input.gdpFen,
        services: this.config.services.map((s) => ({ code: s.code, category: s.category, unit: s.unit, method: s.method, unitPriceFen: s.unitPriceFen, quantity: input.quantities[s.code] ?? null })),
      });
      const previous = await this.deps.runs.published(input.region, input.year - 1);
      return {
        inputs: { population: input.population, areaKm2: input.areaKm2, gdpFen: input.gdpFen, quantities: input.quantities, siteCodes: input.siteCodes ?? [] },
        configVersion: this.config.version,
        result,
        previousRunId: previous?.id ?? null,
        change: previous ? gepYearChange(result.services, previous.result.services) : null,
      };
    } catch (e) {
      if (e instanceof GepInputError) throw new AppError('GEP_INPUT_INVALID', e.message, { field: e.field.replace(/^services\[\d+\]\.quantity$/, 'quantities') });
      if (e instanceof MoneyError) throw new AppError('GEP_INPUT_INVALID', e.message, { field: e.field ?? 'quantities' });
      throw e;
    }
  }

  private refuseUnlessAllowed(run: GepRun, action: GepRunAction): void {
    if (gepRunStateMachine[action].from.includes(run.state)) return;
    if (action === 'edit' && (run.state === 'PUBLISHED' || run.state === 'SUPERSEDED')) {
      throw new AppError('GEP_RUN_IMMUTABLE', `version ${run.version} of ${run.region} ${run.year} is ${run.state.toLowerCase()} and cannot change; correct it as a new version`, { details: { currentState: run.state } });
    }
    throw invalid(action, run.state);
  }

  private async move(actor: Caller, id: string, action: GepRunAction, set: Record<string, unknown>): Promise<GepRunView> {
    const step = gepRunStateMachine[action];
    if (step.permission && !can(actor.principal, step.permission)) throw forbidden(step.permission);
    const scope = gepScopeOf(actor.principal);
    const run = await this.visible(actor.principal, id);
    this.refuseUnlessAllowed(run, action);
    if (run.preparedBy.userId === actor.principal.userId) throw new AppError('GEP_SELF_REVIEW', 'the preparer of a GEP run cannot review or publish it', { details: { action } });
    const after = await this.deps.runs.transition(scope, id, [run.state], { ...set, state: step.to, stateSince: this.deps.clock.now() }, this.history(actor, action, run.state, step.to));
    if (!after) return this.lostRace(scope, id, action);
    await this.audit(actor, `gep.${action}`, run, after);
    return view(after);
  }

  private async lostRace(scope: GepRunScope, id: string, action: GepRunAction): Promise<never> {
    const current = await this.deps.runs.find(scope, id);
    if (!current) throw notFound('GEP run');
    this.refuseUnlessAllowed(current, action);
    throw invalid(action, current.state);
  }

  private history(actor: Caller, action: string, from: GepRunState, to: GepRunState): Record<string, unknown> {
    return { action, from, to, at: this.deps.clock.now(), by: userRef(actor.principal) };
  }

  private systemHistory(actor: Actor, action: string, from: GepRunState, to: GepRunState, onBehalfOf?: UserRef): Record<string, unknown> {
    const by = actor.principal ? userRef(actor.principal) : systemRef;
    return { action, from, to, at: this.deps.clock.now(), by, ...(onBehalfOf && onBehalfOf.userId !== by.userId ? { onBehalfOf } : {}) };
  }

  private async audit(actor: Actor, action: string, before: GepRun | null, after: GepRun): Promise<void> {
    const summary = (r: GepRun) => ({ state: r.state, region: r.region, year: r.year, version: r.version, totalFen: r.result.totalFen, configVersion: r.configVersion, changeNote: r.changeNote });
    await this.deps.audit.append(actor, { action, entityType: 'gep_run', entityId: after.id, before: before ? summary(before) : undefined, after: summary(after), institutionId: after.institutionId });
  }
}

function staleCorrection(run: GepRun, corrected: GepRun | undefined): AppError {
  const current = corrected?.supersededBy ? ` (it was superseded by ${corrected.supersededBy})` : '';
  return new AppError('GEP_RUN_INVALID_TRANSITION', `version ${run.version} corrects a version that is no longer the published one${current}; correct the published version instead`, {
    details: { currentState: run.state, action: 'publish', correctedState: corrected?.state ?? null },
  });
}

function invalid(action: GepRunAction, state: GepRunState): AppError {
  return new AppError('GEP_RUN_INVALID_TRANSITION', `cannot ${action} a GEP run that is ${state} (allowed from ${gepRunStateMachine[action].from.join(', ')})`, {
    details: { currentState: state, allowed: [...gepRunStateMachine[action].from], action },
  });
}

const view = (run: GepRun): GepRunView => ({ ...run, allowedActions: allowedGepRunActions(run.state) });
