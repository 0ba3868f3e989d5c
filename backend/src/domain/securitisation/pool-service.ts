// Securitisation of ecological-asset-backed loan pools (issue 14): an originating bank selects a
// pool of its active loans by criteria (eligibility report with every failure), the statistics,
// the tranche structure, projections under scenarios and ecological stress, the external green
// review, issue, monthly servicer reports from the loans' real repayments, redemption.
// Visibility: the originating bank and the assigned reviewer; platform readers once issued.
import {
  poolStatistics, projectWaterfall, selectPoolLoans, stressPortfolio, stressScenario, validateValuationRequest,
  type CandidateLoan, type PoolCriteria, type Pledge, type SecuritisationConfig, type TrancheSpec, type WaterfallProjection, type WaterfallScenario,
} from '@eco/scoring';
import { SecuritisationInputError } from '@eco/scoring';
import type { AssetRepository } from '../../db/assets/asset.repository.js';
import type { Asset } from '../../db/assets/asset.types.js';
import type { InstitutionRepository } from '../../db/institutions/institution.repository.js';
import type { LoanRepository } from '../../db/loans/loan.repository.js';
import type { Loan } from '../../db/loans/loan.types.js';
import type { Page, PageRequest } from '../../db/page.js';
import type { LoanPoolMarker, PoolRepository } from '../../db/securitisation-pools/pool.repository.js';
import type { PoolScope, PoolStructure, SecuritisationPool, ServicerReport } from '../../db/securitisation-pools/pool.types.js';
import type { SubjectRepository } from '../../db/subjects/subject.repository.js';
import type { AuditTrail } from '../audit/audit-trail.js';
import type { Clock } from '../clock.js';
import type { DocumentService } from '../documents/document-service.js';
import { AppError, forbidden, notFound } from '../errors/index.js';
import { can, readsAllTenants, type Actor, type Principal } from '../identity/principal.js';
import type { PriceService } from '../prices/price-service.js';
import { requestFromAsset } from '../valuations/request-from-asset.js';
import type { ValuationConfigService } from '../valuations/valuation-config-service.js';
import { candidateLoans } from './pool-candidates.js';
import { issuedPoolStates, poolStateMachine, type PoolAction, type PoolState } from './pool-state-machine.js';
import { buildServicerReport } from './servicer-report.js';

export type Caller = Actor & { principal: Principal };
const userRef = (p: Principal) => ({ userId: p.userId, username: p.username });
const MAX_LOANS = 2000;
/** A pending selection older than this was interrupted (a selection marks at most MAX_LOANS loans in seconds). */
export const SELECTION_STALE_MS = 10 * 60_000;
const recoveryActor: Actor = { requestId: 'securitisation-recovery' };

export interface StructureInput {
  tranches: TrancheSpec[];
  feeRate: number;
  reserve: { initialFen: number; targetFen: number };
  reviewerInstitutionId: string;
}

export interface ReviewInput {
  type: string;
  opinion: string;
  conclusion: string;
  documentId: string;
}

export interface ProjectionInput {
  scenarios?: WaterfallScenario[];
  ecological?: string[];
}

export interface EligibilityView {
  asOf: string;
  candidates: number;
  included: string[];
  excluded: { loanId: string; failures: { criterion: string; reason: string }[] }[];
}

export class PoolService {
  constructor(private readonly deps: {
    pools: PoolRepository;
    marker: LoanPoolMarker;
    loans: LoanRepository;
    assets: AssetRepository;
    subjects: SubjectRepository;
    institutions: InstitutionRepository;
    documents: DocumentService;
    prices: PriceService;
    valuationConfigs: ValuationConfigService;
    audit: AuditTrail;
    clock: Clock;
    config: SecuritisationConfig;
  }) {}

  /** Originating bank staff see their bank's pools; a reviewer those it is asked to review; platform readers issued pools. */
  scopeOf(principal: Principal): PoolScope {
    if (principal.institutionId && (can(principal, 'securitisation.originate') || can(principal, 'securitisation.issue'))) return { kind: 'originator', institutionId: principal.institutionId };
    if (principal.institutionId && can(principal, 'securitisation.review')) return { kind: 'reviewer', institutionId: principal.institutionId };
    if (readsAllTenants(principal)) return { kind: 'issued' };
    throw new AppError('FORBIDDEN', 'only originating banks, their reviewers and platform readers have securitisation pools');
  }

  /** The pool within the caller's scope, or 404 (another bank's pool, or a pool not yet issued, looks like a missing one). */
  async visible(principal: Principal, id: string): Promise<SecuritisationPool> {
    const pool = await this.deps.pools.find(this.scopeOf(principal), id);
    if (!pool) throw notFound('securitisation pool');
    return pool;
  }

  /** External reviewer institutions an originator can ask for the green opinion. */
  async reviewers(): Promise<{ id: string; name: string; nameEn: string | null }[]> {
    const page = await this.deps.institutions.list({ all: true }, { limit: 200, offset: 0 }, 'external_reviewer');
    return page.items.map((i) => ({ id: i.id, name: i.name, nameEn: i.nameEn ?? null }));
  }

  list(principal: Principal, page: PageRequest): Promise<Page<SecuritisationPool>> {
    return this.deps.pools.list(this.scopeOf(principal), page);
  }

  async get(principal: Principal, id: string): Promise<SecuritisationPool & { allowedActions: PoolAction[] }> {
    const pool = await this.visible(principal, id);
    return { ...pool, allowedActions: this.allowedActions(principal, pool) };
  }

  private allowedActions(principal: Principal, pool: SecuritisationPool): PoolAction[] {
    return (Object.keys(poolStateMachine) as PoolAction[]).filter((a) => {
      const step = poolStateMachine[a];
      if (!step.from.includes(pool.state) || !can(principal, step.permission)) return false;
      return step.who === 'reviewer' ? pool.structure?.reviewerInstitutionId === principal.institutionId : pool.institutionId === principal.institutionId;
    });
  }

  async create(actor: Caller, input: { name: string; criteria?: PoolCriteria }): Promise<SecuritisationPool> {
    const institutionId = this.originator(actor, 'select');
    const now = this.deps.clock.now();
    const pool = await this.deps.pools.insert({
      institutionId, name: input.name, state: 'DRAFT', stateSince: now, createdBy: userRef(actor.principal), criteria: input.criteria ?? this.deps.config.defaultCriteria,
      loanIds: [], pendingSelection: null, eligibility: null, statistics: null, structure: null, review: null, issue: null, trancheBalances: {}, servicerReports: [],
      configVersion: this.deps.config.version, history: [{ action: 'create', from: 'DRAFT', to: 'DRAFT', at: now, by: userRef(actor.principal) }],
    });
    await this.audit(actor, 'securitisation.create', null, pool);
    return pool;
  }

  /**
   * Selects the pool's loans by criteria from the bank's ACTIVE loans: the eligibility report lists
   * every excluded loan with every failed criterion; each included loan is marked for this pool with
   * one conditional update (a loan another pool marked first is excluded as IN_OTHER_POOL).
   */
  async select(actor: Caller, id: string, criteria: PoolCriteria): Promise<SecuritisationPool> {
    const institutionId = this.originator(actor, 'select');
    const pool = await this.visible(actor.principal, id);
    this.requireState(pool, 'select');
    const now = this.deps.clock.now();
    const { items } = await this.deps.loans.list({ kind: 'bank', institutionId }, { states: ['ACTIVE'] }, { limit: MAX_LOANS, offset: 0 });
    const { candidates } = await candidateLoans(items, pool.id, { assets: this.deps.assets, subjects: this.deps.subjects, now });
    let selection = selectPoolLoans(candidates, criteria);
    const pending = await this.deps.pools.update(institutionId, pool.id, { state: 'DRAFT' }, { $set: { pendingSelection: { loanIds: selection.included, at: now } } });
    if (!pending) throw this.invalid('select', (await this.visible(actor.principal, id)).state);
    const lost = new Set<string>();
    for (let round = 0; round < 3; round++) {
      for (const loanId of selection.included) {
        if (!lost.has(loanId) && !(await this.deps.marker.mark(institutionId, loanId, pool.id))) lost.add(loanId);
      }
      if (!selection.included.some((l) => lost.has(l))) break;
      const holders = new Map<string, string>();
      for (const loanId of lost) holders.set(loanId, (await this.deps.loans.find({ kind: 'bank', institutionId }, loanId))?.securitisationPoolId ?? 'another pool');
      const again: CandidateLoan[] = candidates.map((c) => (lost.has(c.loanId) ? { ...c, inPool: holders.get(c.loanId)! } : c));
      selection = selectPoolLoans(again, criteria);
    }
    await this.deps.marker.unmarkExcept(institutionId, pool.id, selection.included);
    const included = new Set(selection.included);
    const statistics = poolStatistics(candidates.filter((c) => included.has(c.loanId)));
    const eligibility = { asOf: now.toISOString().slice(0, 10), candidates: candidates.length, included: selection.included, excluded: selection.excluded };
    const after = await this.move(actor, pool, 'select', { set: { criteria, loanIds: selection.included, eligibility, statistics, pendingSelection: null } });
    return after;
  }

  /** DRAFT | STRUCTURED → STRUCTURED: tranches (senior → mezzanine → subordinated, total ≤ pool balance), fees, reserve, the reviewer asked. */
  async structure(actor: Caller, id: string, input: StructureInput): Promise<SecuritisationPool> {
    this.originator(actor, 'structure');
    const pool = await this.visible(actor.principal, id);
    this.requireState(pool, 'structure');
    if (pool.loanIds.length === 0 || !pool.statistics) throw new AppError('SECURITISATION_CHECK_FAILED', 'select the pool’s loans first: the pool is empty', { details: { check: 'pool_not_empty' } });
    const names = new Set(input.tranches.map((t) => t.name));
    if (names.size !== input.tranches.length) throw new AppError('VALIDATION_FAILED', 'tranche names must differ', { field: 'tranches' });
    this.engine(() => projectWaterfall(pool.statistics!.waterfallPool, input, { name: 'check', cdr: 0, cpr: 0, recoveryRate: 0, recoveryLagMonths: 0 }));
    const reviewer = await this.deps.institutions.findByIdUnscoped(input.reviewerInstitutionId);
    if (!reviewer || reviewer.type !== 'external_reviewer' || reviewer.id === pool.institutionId) {
      throw new AppError('VALIDATION_FAILED', 'no external reviewer institution has this id', { field: 'reviewerInstitutionId' });
    }
    const structure: PoolStructure = { tranches: input.tranches, feeRate: input.feeRate, reserve: input.reserve, reviewerInstitutionId: input.reviewerInstitutionId };
    const trancheBalances = Object.fromEntries(input.tranches.map((t) => [t.name, t.sizeFen]));
    return this.move(actor, pool, 'structure', { set: { structure, trancheBalances } });
  }

  /** Projections of the structured pool under the configured (or given) scenarios, each also stressed with the ecological scenarios. */
  async project(principal: Principal, id: string, input: ProjectionInput): Promise<{ configVersion: string; pool: SecuritisationPool['statistics']; projections: (WaterfallProjection & { ecological: string | null; collateralFactor: number | null })[] }> {
    const pool = await this.visible(principal, id);
    if (!pool.structure || !pool.statistics) throw new AppError('SECURITISATION_CHECK_FAILED', 'structure the pool before projecting it', { details: { check: 'tranches_fit_pool' } });
    const scenarios = input.scenarios ?? this.deps.config.scenarios;
    const ecological = input.ecological ?? [];
    for (const [i, e] of ecological.entries()) {
      if (!this.deps.config.ecologicalStress[e]) throw new AppError('VALIDATION_FAILED', `unknown ecological scenario ${e}`, { field: `ecological.${i}` });
    }
    const factors = ecological.length ? await this.collateralFactors(pool) : new Map<string, number>();
    const projections: (WaterfallProjection & { ecological: string | null; collateralFactor: number | null })[] = [];
    for (const scenario of scenarios) {
      projections.push({ ...this.engine(() => projectWaterfall(pool.statistics!.waterfallPool, pool.structure!, scenario)), ecological: null, collateralFactor: null });
      for (const e of ecological) {
        const factor = factors.get(e) ?? 1;
        const stressed = this.engine(() => stressScenario(scenario, e, factor, this.deps.config));
        projections.push({ ...this.engine(() => projectWaterfall(pool.statistics!.waterfallPool, pool.structure!, stressed)), ecological: e, collateralFactor: factor });
      }
    }
    return { configVersion: this.deps.config.version, pool: pool.statistics, projections };
  }

  /** Stressed / baseline value of the pool's pledged assets under each ecological scenario of the valuation engine (1 when there is no value). */
  private async collateralFactors(pool: SecuritisationPool): Promise<Map<string, number>> {
    const { config } = await this.deps.valuationConfigs.current();
    const date = this.deps.clock.now().toISOString().slice(0, 10);
    const pledges: Pledge[] = [];
    for (const loanId of pool.loanIds) {
      const loan = await this.deps.loans.find({ kind: 'bank', institutionId: pool.institutionId }, loanId);
      for (const assetId of loan?.pledgedAssetIds ?? []) {
        const asset = await this.deps.assets.findById(assetId);
        if (!asset) continue;
        try {
          const { request } = await requestFromAsset(asset as Asset, date, this.deps.prices);
          pledges.push({ id: asset.id, asset: validateValuationRequest(request), outstandingLoanFen: 0 });
        } catch {
          // an asset the engine cannot value today (no price) does not move the factor
        }
      }
    }
    const result = stressPortfolio(pledges, config.stressScenarios, config);
    const base = result.baseline.totals.valueFen;
    return new Map(result.scenarios.map((s) => [s.id, base === 0 ? 1 : Math.min(1, Number((s.totals.valueFen / base).toFixed(6)))]));
  }

  /** STRUCTURED → REVIEWED: the assigned external reviewer's green opinion with the report document's SHA-256 (as for bonds). */
  async review(actor: Caller, id: string, input: ReviewInput): Promise<SecuritisationPool> {
    if (!can(actor.principal, 'securitisation.review')) throw forbidden('securitisation.review');
    const pool = await this.visible(actor.principal, id);
    if (pool.structure?.reviewerInstitutionId !== actor.principal.institutionId) throw notFound('securitisation pool');
    this.requireState(pool, 'review');
    const [document] = await this.deps.documents.requireOwned(actor.principal, [input.documentId], 'documentId');
    const review = {
      institutionId: actor.principal.institutionId, type: input.type, opinion: input.opinion, conclusion: input.conclusion,
      document: { id: document!.id, filename: document!.filename, sha256: document!.sha256 }, by: userRef(actor.principal), at: this.deps.clock.now(),
    };
    return this.move(actor, pool, 'review', { set: { review } });
  }

  /** REVIEWED → ISSUED by a checker of the originating bank (not the user who built the pool); every loan still carries this pool's marker. */
  async issue(actor: Caller, id: string, issueDate: string): Promise<SecuritisationPool> {
    const institutionId = this.originator(actor, 'issue');
    const pool = await this.visible(actor.principal, id);
    this.requireState(pool, 'issue');
    if (pool.createdBy.userId === actor.principal.userId) throw new AppError('SECURITISATION_MAKER_CHECKER', 'the user who built the pool cannot issue it');
    for (const loanId of pool.loanIds) {
      if (!(await this.deps.marker.mark(institutionId, loanId, pool.id))) {
        throw new AppError('SECURITISATION_CHECK_FAILED', `loan ${loanId} is no longer an active loan of this pool`, { details: { check: 'loans_marked', loanId } });
      }
    }
    return this.move(actor, pool, 'issue', { set: { issue: { issueDate, by: userRef(actor.principal) } } });
  }

  /** ISSUED | AMORTISING → AMORTISING with the month's servicer report (one per period, a past month), tranche balances updated. */
  async recordServicerReport(actor: Caller, id: string, period: string): Promise<ServicerReport> {
    this.originator(actor, 'report');
    const pool = await this.visible(actor.principal, id);
    this.requireState(pool, 'report');
    if (period >= this.deps.clock.now().toISOString().slice(0, 7)) throw new AppError('VALIDATION_FAILED', 'a servicer report covers a finished month', { field: 'period' });
    if (pool.servicerReports.some((r) => r.period === period)) throw new AppError('SECURITISATION_CHECK_FAILED', `the report for ${period} exists`, { field: 'period', details: { check: 'new_period' } });
    const loans = await this.poolLoans(pool);
    const report = buildServicerReport({ period, loans, structure: pool.structure!, balances: pool.trancheBalances, by: userRef(actor.principal), now: this.deps.clock.now() });
    const balances = Object.fromEntries(report.tranches.map((t) => [t.name, t.closingFen]));
    await this.move(actor, pool, 'report', { set: { trancheBalances: balances }, push: { servicerReports: report } }, { 'servicerReports.period': { $ne: period }, trancheBalances: pool.trancheBalances });
    return report;
  }

  async servicerReport(principal: Principal, id: string, period: string): Promise<{ pool: SecuritisationPool; report: ServicerReport; originatorName: string }> {
    const pool = await this.visible(principal, id);
    const report = pool.servicerReports.find((r) => r.period === period);
    if (!report) throw notFound(`servicer report ${period}`);
    const originator = await this.deps.institutions.findByIdUnscoped(pool.institutionId);
    return { pool, report, originatorName: originator?.name ?? pool.institutionId };
  }

  /**
   * AMORTISING → REDEEMED once every tranche balance is 0, or once every pool loan has ended (CLOSED
   * or WRITTEN_OFF) and the last month's servicer report is recorded: the balances left are the
   * holders' losses, which sit bottom-up (principal is paid sequentially, senior first) and are
   * recorded with the redemption.
   */
  async redeem(actor: Caller, id: string): Promise<SecuritisationPool> {
    this.originator(actor, 'redeem');
    const pool = await this.visible(actor.principal, id);
    this.requireState(pool, 'redeem');
    const open = Object.entries(pool.trancheBalances).filter(([, v]) => v > 0);
    if (open.length) {
      const loans = await this.poolLoans(pool);
      const live = loans.filter((l) => !['CLOSED', 'WRITTEN_OFF'].includes(l.state)).map((l) => l.id);
      if (live.length) throw new AppError('SECURITISATION_CHECK_FAILED', `tranches still outstanding: ${open.map(([k]) => k).join(', ')}, and ${live.length} pool loan(s) still running`, { details: { check: 'tranches_repaid', loanIds: live } });
      const lastEnd = loans.flatMap((l) => l.history.filter((h) => ['CLOSED', 'WRITTEN_OFF'].includes(h.to)).map((h) => new Date(h.at).toISOString().slice(0, 7))).sort().at(-1) ?? '';
      if (!pool.servicerReports.some((r) => r.period >= lastEnd)) {
        throw new AppError('SECURITISATION_CHECK_FAILED', `record the servicer report of ${lastEnd} (the month the last loan ended) before redeeming`, { details: { check: 'tranches_repaid', period: lastEnd } });
      }
    }
    const losses = Object.fromEntries(open);
    return this.move(actor, pool, 'redeem', { set: { redemption: { at: this.deps.clock.now(), lossesFen: losses, totalLossFen: open.reduce((s, [, v]) => s + v, 0) } } }, { trancheBalances: pool.trancheBalances });
  }

  /**
   * Recovery after a crash (the securitisation.recovery job): a selection interrupted between marking
   * its loans and recording them on the pool leaves a pending selection and markers the pool does not
   * hold. Once the pending selection is older than SELECTION_STALE_MS (no selection runs that long),
   * it is claimed with a compare-and-set on its time and the markers of loans outside the pool's
   * recorded loans are removed — a loan the pool holds keeps its marker. Markers of cancelled pools
   * (a cancel interrupted after its state change) and of pools that do not exist are removed too.
   * Safe to rerun: a second run finds nothing to do.
   */
  async recoverSelections(): Promise<{ pools: string[]; unmarked: number }> {
    const before = new Date(this.deps.clock.now().getTime() - SELECTION_STALE_MS);
    const recovered = new Map<string, { institutionId: string | null; unmarked: number; reason: string }>();
    for (const pool of await this.deps.pools.withStalePendingSelection(before)) {
      const claimed = await this.deps.pools.update(pool.institutionId, pool.id, { 'pendingSelection.at': pool.pendingSelection!.at }, { $set: { pendingSelection: null } });
      if (!claimed) continue; // a new selection or another recovery run took it
      const removed = await this.deps.marker.unmarkExcept(pool.institutionId, pool.id, claimed.state === 'CANCELLED' ? [] : claimed.loanIds);
      recovered.set(pool.id, { institutionId: pool.institutionId, unmarked: removed, reason: 'interrupted_selection' });
    }
    const markedIds = await this.deps.marker.markedPoolIds();
    const pools = new Map((await this.deps.pools.findManyUnscoped(markedIds)).map((p) => [p.id, p]));
    for (const poolId of markedIds) {
      const pool = pools.get(poolId);
      if (pool && pool.state !== 'CANCELLED') continue;
      const removed = pool ? await this.deps.marker.unmarkExcept(pool.institutionId, pool.id, []) : await this.deps.marker.unmarkOrphans(poolId);
      if (removed > 0) recovered.set(poolId, { institutionId: pool?.institutionId ?? null, unmarked: removed + (recovered.get(poolId)?.unmarked ?? 0), reason: pool ? 'cancelled_pool' : 'missing_pool' });
    }
    let unmarked = 0;
    for (const [poolId, r] of recovered) {
      unmarked += r.unmarked;
      await this.deps.audit.append(recoveryActor, { action: 'securitisation.selection.recovered', entityType: 'securitisation_pool', entityId: poolId, after: { reason: r.reason, unmarkedLoans: r.unmarked }, ...(r.institutionId ? { institutionId: r.institutionId } : {}) });
    }
    return { pools: [...recovered.keys()], unmarked };
  }

  /** Cancel before issue: the loans' pool markers are released. */
  async cancel(actor: Caller, id: string, reason: string): Promise<SecuritisationPool> {
    const institutionId = this.originator(actor, 'cancel');
    const pool = await this.visible(actor.principal, id);
    this.requireState(pool, 'cancel');
    const after = await this.move(actor, pool, 'cancel', {}, {}, reason);
    await this.deps.marker.unmarkExcept(institutionId, pool.id, []);
    return after;
  }

  private async poolLoans(pool: SecuritisationPool): Promise<Loan[]> {
    const loans: Loan[] = [];
    for (const loanId of pool.loanIds) {
      const loan = await this.deps.loans.find({ kind: 'bank', institutionId: pool.institutionId }, loanId);
      if (loan) loans.push(loan);
    }
    return loans;
  }

  private originator(actor: Caller, action: PoolAction): string {
    const step = poolStateMachine[action];
    if (!can(actor.principal, step.permission)) throw forbidden(step.permission);
    if (!actor.principal.institutionId) throw new AppError('FORBIDDEN', 'only a bank originates pools');
    return actor.principal.institutionId;
  }

  private requireState(pool: SecuritisationPool, action: PoolAction): void {
    if (!poolStateMachine[action].from.includes(pool.state)) throw this.invalid(action, pool.state);
  }

  private invalid(action: PoolAction, state: PoolState): AppError {
    const step = poolStateMachine[action];
    return new AppError('SECURITISATION_INVALID_TRANSITION', `cannot ${action} a pool that is ${state} (allowed from ${step.from.join(', ')})`, { details: { currentState: state, allowed: [...step.from], action } });
  }

  private engine<T>(run: () => T): T {
    try {
      return run();
    } catch (e) {
      if (e instanceof SecuritisationInputError) throw new AppError('VALIDATION_FAILED', e.message, { field: e.field.replace(/^structure\./, '') });
      throw e;
    }
  }

  private async move(actor: Caller, pool: SecuritisationPool, action: PoolAction, update: { set?: Record<string, unknown>; push?: Record<string, unknown> }, expected: Record<string, unknown> = {}, reason?: string): Promise<SecuritisationPool> {
    const step = poolStateMachine[action];
    const to = step.to === 'same' ? pool.state : step.to;
    const now = this.deps.clock.now();
    const set = { ...(update.set ?? {}), ...(to !== pool.state ? { state: to, stateSince: now } : {}) };
    const after = await this.deps.pools.transition(pool.institutionId, pool.id, [pool.state], { set, ...(update.push ? { push: update.push } : {}) }, { action, from: pool.state, to, at: now, by: userRef(actor.principal), ...(reason ? { reason } : {}) }, expected);
    if (!after) {
      const current = await this.deps.pools.find({ kind: 'originator', institutionId: pool.institutionId }, pool.id);
      throw this.invalid(action, current?.state ?? pool.state);
    }
    await this.audit(actor, `securitisation.${action}`, pool, after);
    return after;
  }

  private async audit(actor: Actor, action: string, before: SecuritisationPool | null, after: SecuritisationPool): Promise<void> {
    const view = (p: SecuritisationPool) => ({ state: p.state, name: p.name, loanIds: p.loanIds, criteria: p.criteria, structure: p.structure, trancheBalances: p.trancheBalances, review: p.review ? { conclusion: p.review.conclusion, documentSha256: p.review.document.sha256 } : null, reports: p.servicerReports.map((r) => r.period) });
    await this.deps.audit.append(actor, { action, entityType: 'securitisation_pool', entityId: after.id, ...(before ? { before: view(before) } : {}), after: view(after), institutionId: after.institutionId });
  }
}

export { issuedPoolStates };
