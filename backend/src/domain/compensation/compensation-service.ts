// Horizontal ecological compensation in the six pilot basins: agreements between an upstream and a
// downstream government (pool contributions and assessment rules as validated configuration),
// settlement runs computed line by line from the period's monitoring data, and both parties'
// confirmation — or an objection within the agreement's window — before a run is final. A
// government user sees only the agreements its institution is party to.
import { CompensationInputError, MoneyError, pilotBasins, settleCompensation, validateCompensationTerms, type Basin, type CompensationMonitoring, type CompensationTerms, type Settlement } from '@eco/scoring';
import type { Agreement, CompensationRepository, CompensationScope, SettlementRun } from '../../db/compensation/compensation.repository.js';
import type { InstitutionRepository } from '../../db/institutions/institution.repository.js';
import type { AuditTrail } from '../audit/audit-trail.js';
import type { Clock } from '../clock.js';
import { AppError, notFound } from '../errors/index.js';
import { can, readsAllTenants, type Actor, type Principal } from '../identity/principal.js';
import { settlementStateMachine, type SettlementAction, type SettlementState } from './settlement-state-machine.js';

type Caller = Actor & { principal: Principal };

export interface AgreementInput {
  basinCode: string;
  upstreamInstitutionId: string;
  downstreamInstitutionId: string;
  title: string;
  periodFrom: string;
  periodTo: string;
  terms: unknown;
  objectionWindowDays: number;
}

export type AgreementView = Agreement & { basin: Basin; upstreamName: string; downstreamName: string; myParty: 'upstream' | 'downstream' | null };
export type SettlementView = SettlementRun & { myParty: 'upstream' | 'downstream' | null; objectionOpen: boolean };

const DAY = 86_400_000;
/** The deemed-acceptance job acts as the system, not as a party. */
const deemedAcceptanceActor: Actor = { requestId: 'compensation-deemed-acceptance' };

export function compensationScopeOf(principal: Principal): CompensationScope {
  if (readsAllTenants(principal)) return { kind: 'all' };
  if (principal.institutionId && can(principal, 'compensation.read')) return { kind: 'party', institutionId: principal.institutionId };
  throw new AppError('FORBIDDEN', 'only the parties and platform readers see compensation agreements');
}

/** The pure calculation, its input errors as 400 with the monitoring field. */
function settle(terms: CompensationTerms, monitoring: CompensationMonitoring): Settlement {
  try {
    return settleCompensation(terms, monitoring);
  } catch (e) {
    if (e instanceof CompensationInputError) throw new AppError('COMPENSATION_INPUT_INVALID', e.message, { field: `monitoring.${e.field}` });
    if (e instanceof MoneyError) throw new AppError('COMPENSATION_INPUT_INVALID', e.message, { field: 'monitoring' });
    throw e;
  }
}

const partyOf = (principal: Principal, x: { upstreamInstitutionId: string; downstreamInstitutionId: string }): 'upstream' | 'downstream' | null =>
  principal.institutionId === x.upstreamInstitutionId ? 'upstream' : principal.institutionId === x.downstreamInstitutionId ? 'downstream' : null;

export class CompensationService {
  constructor(private readonly deps: { repository: CompensationRepository; institutions: InstitutionRepository; audit: AuditTrail; clock: Clock }) {}

  basins(): Basin[] {
    return pilotBasins.basins;
  }

  async createAgreement(actor: Caller, input: AgreementInput): Promise<AgreementView> {
    const basin = pilotBasins.basins.find((b) => b.code === input.basinCode);
    if (!basin) throw new AppError('VALIDATION_FAILED', `${input.basinCode} is not one of the pilot basins`, { field: 'basinCode' });
    if (input.upstreamInstitutionId === input.downstreamInstitutionId) throw new AppError('VALIDATION_FAILED', 'the upstream and the downstream party are two governments', { field: 'downstreamInstitutionId' });
    for (const field of ['upstreamInstitutionId', 'downstreamInstitutionId'] as const) {
      const institution = await this.deps.institutions.findByIdUnscoped(input[field]);
      if (!institution || institution.type !== 'government') throw new AppError('VALIDATION_FAILED', 'a party is a government institution', { field });
    }
    if (input.periodTo < input.periodFrom) throw new AppError('VALIDATION_FAILED', 'the period ends after it starts', { field: 'periodTo' });
    let terms;
    try {
      terms = validateCompensationTerms(input.terms);
    } catch (e) {
      if (e instanceof CompensationInputError) throw new AppError('COMPENSATION_INPUT_INVALID', e.message, { field: `terms.${e.field}` });
      throw e;
    }
    const agreement = await this.deps.repository.insertAgreement({ ...input, terms, createdBy: actor.principal.username });
    await this.deps.audit.append(actor, { action: 'compensation.agreement.create', entityType: 'compensation_agreement', entityId: agreement.id, after: { ...input } });
    return this.agreementView(actor.principal, agreement);
  }

  async listAgreements(principal: Principal, basinCode?: string): Promise<AgreementView[]> {
    const list = await this.deps.repository.agreements(compensationScopeOf(principal), basinCode);
    return Promise.all(list.map((a) => this.agreementView(principal, a)));
  }

  /** One agreement with its settlement history (P and flow per period for the chart). */
  async getAgreement(principal: Principal, id: string): Promise<AgreementView & { settlements: SettlementView[] }> {
    const scope = compensationScopeOf(principal);
    const agreement = await this.deps.repository.agreement(scope, id);
    if (!agreement) throw notFound('agreement');
    const settlements = await this.deps.repository.settlements(scope, { agreementId: id });
    return { ...(await this.agreementView(principal, agreement)), settlements: settlements.map((s) => this.settlementView(principal, s)) };
  }

  /** Runs the period: the calculation line by line; both parties then confirm or object within the window. */
  async runSettlement(actor: Caller, agreementId: string, input: { period: string; monitoring: CompensationMonitoring }): Promise<SettlementView> {
    const scope = compensationScopeOf(actor.principal);
    const agreement = await this.deps.repository.agreement(scope, agreementId);
    if (!agreement) throw notFound('agreement');
    const earlier = await this.deps.repository.settlements(scope, { agreementId, period: input.period });
    const open = earlier.find((s) => s.state !== 'OBJECTED');
    if (open) throw new AppError('COMPENSATION_SETTLEMENT_EXISTS', `period ${input.period} already has a ${open.state.toLowerCase()} settlement`, { field: 'period', details: { settlementId: open.id } });
    const result = settle(agreement.terms, input.monitoring);
    const now = this.deps.clock.now();
    const run = await this.deps.repository.insertSettlement({
      agreementId, basinCode: agreement.basinCode, upstreamInstitutionId: agreement.upstreamInstitutionId, downstreamInstitutionId: agreement.downstreamInstitutionId,
      period: input.period, round: earlier.length + 1, monitoring: input.monitoring, result, state: 'PENDING_CONFIRMATION', stateSince: now,
      objectionDeadline: new Date(now.getTime() + agreement.objectionWindowDays * DAY), createdBy: actor.principal.username,
    });
    if (!run) throw new AppError('COMPENSATION_SETTLEMENT_EXISTS', `period ${input.period} was just settled by someone else`, { field: 'period' });
    await this.deps.audit.append(actor, { action: 'compensation.settlement.run', entityType: 'compensation_settlement', entityId: run.id, after: { period: run.period, round: run.round, payer: result.payer, amountFen: result.amountFen } });
    return this.settlementView(actor.principal, run);
  }

  /** The calculation line by line for a period, stored nowhere: shown before the administrator runs the settlement. */
  async previewSettlement(principal: Principal, agreementId: string, input: { period: string; monitoring: CompensationMonitoring }): Promise<{ period: string; monitoring: CompensationMonitoring; result: Settlement; existing: { id: string; state: SettlementState } | null }> {
    const scope = compensationScopeOf(principal);
    const agreement = await this.deps.repository.agreement(scope, agreementId);
    if (!agreement) throw notFound('agreement');
    const open = (await this.deps.repository.settlements(scope, { agreementId, period: input.period })).find((s) => s.state !== 'OBJECTED');
    return { period: input.period, monitoring: input.monitoring, result: settle(agreement.terms, input.monitoring), existing: open ? { id: open.id, state: open.state } : null };
  }

  async settlements(principal: Principal, filter: { basinCode?: string }): Promise<SettlementView[]> {
    return (await this.deps.repository.settlements(compensationScopeOf(principal), filter.basinCode ? { basinCode: filter.basinCode } : {})).map((s) => this.settlementView(principal, s));
  }

  async getSettlement(principal: Principal, id: string): Promise<SettlementView> {
    return this.settlementView(principal, await this.visibleSettlement(principal, id));
  }

  /** The caller's party confirms; the second confirmation makes the run FINAL (two compare-and-sets). */
  async confirm(actor: Caller, id: string): Promise<SettlementView> {
    const scope = compensationScopeOf(actor.principal);
    const run = await this.visibleSettlement(actor.principal, id);
    const party = this.requireParty(actor.principal, run);
    if (run.confirmations[party]) throw new AppError('COMPENSATION_ALREADY_CONFIRMED', `the ${party} party has confirmed already`);
    this.requireState(run, 'confirm');
    const act = { userId: actor.principal.userId, username: actor.principal.username, at: this.deps.clock.now() };
    let after = await this.deps.repository.transition(scope, id, ['PENDING_CONFIRMATION'], { [`confirmations.${party}`]: null }, { [`confirmations.${party}`]: act }, this.history(actor, 'confirm', run.state, run.state, party));
    if (!after) return this.lostRace(actor.principal, id, 'confirm');
    if (after.confirmations.upstream && after.confirmations.downstream) {
      const finalised = await this.deps.repository.transition(scope, id, ['PENDING_CONFIRMATION'], { 'confirmations.upstream': { $ne: null }, 'confirmations.downstream': { $ne: null } },
        { state: 'FINAL', stateSince: this.deps.clock.now() }, this.history(actor, 'finalise', 'PENDING_CONFIRMATION', 'FINAL'));
      if (finalised) after = finalised;
    }
    await this.audit(actor, 'compensation.settlement.confirm', run, after);
    return this.settlementView(actor.principal, after);
  }

  /** A party objects (with its reason) before the window closes: the run is OBJECTED and the period may be run again. */
  async object(actor: Caller, id: string, reason: string): Promise<SettlementView> {
    const scope = compensationScopeOf(actor.principal);
    const run = await this.visibleSettlement(actor.principal, id);
    const party = this.requireParty(actor.principal, run);
    this.requireState(run, 'object');
    const now = this.deps.clock.now();
    if (now.getTime() > new Date(run.objectionDeadline).getTime()) {
      throw new AppError('COMPENSATION_OBJECTION_WINDOW_CLOSED', `objections closed on ${new Date(run.objectionDeadline).toISOString().slice(0, 10)}`, { details: { objectionDeadline: run.objectionDeadline } });
    }
    const act = { userId: actor.principal.userId, username: actor.principal.username, at: now, reason, party };
    const after = await this.deps.repository.transition(scope, id, ['PENDING_CONFIRMATION'], { objectionDeadline: { $gte: now } }, { state: 'OBJECTED', stateSince: now, objection: act }, this.history(actor, 'object', run.state, 'OBJECTED', party, reason));
    if (!after) return this.lostRace(actor.principal, id, 'object');
    await this.audit(actor, 'compensation.settlement.object', run, after);
    return this.settlementView(actor.principal, after);
  }

  /**
   * The job: every run still PENDING_CONFIRMATION whose objection window has closed without an
   * objection becomes FINAL by deemed acceptance (one compare-and-set each, recorded on the run and
   * audited). Safe to rerun: a FINAL or OBJECTED run no longer matches.
   */
  async finaliseDeemedAccepted(): Promise<{ finalised: string[] }> {
    const now = this.deps.clock.now();
    const finalised: string[] = [];
    for (const run of await this.deps.repository.pendingPastDeadline(now)) {
      const parties = (['upstream', 'downstream'] as const).filter((p) => !run.confirmations[p]);
      const deemed = { at: now, deadline: run.objectionDeadline, parties };
      const after = await this.deps.repository.transition({ kind: 'all' }, run.id, settlementStateMachine.deemAccepted.from, { objection: null, objectionDeadline: { $lt: now } },
        { state: settlementStateMachine.deemAccepted.to, stateSince: now, deemedAcceptance: deemed },
        { action: 'deemAccepted', from: run.state, to: 'FINAL', at: now, by: { userId: 'system', username: 'system' }, parties });
      if (!after) continue;
      finalised.push(after.id);
      await this.deps.audit.append(deemedAcceptanceActor, {
        action: 'compensation.settlement.deemed_accepted', entityType: 'compensation_settlement', entityId: after.id,
        before: { state: run.state, confirmations: { upstream: !!run.confirmations.upstream, downstream: !!run.confirmations.downstream } },
        after: { state: after.state, deemedAcceptance: { parties, deadline: run.objectionDeadline } },
      });
    }
    return { finalised };
  }

  // ---- internals ----

  async agreementFor(principal: Principal, run: SettlementRun): Promise<AgreementView> {
    const agreement = await this.deps.repository.agreement(compensationScopeOf(principal), run.agreementId);
    if (!agreement) throw notFound('agreement');
    return this.agreementView(principal, agreement);
  }

  private async visibleSettlement(principal: Principal, id: string): Promise<SettlementRun> {
    const run = await this.deps.repository.settlement(compensationScopeOf(principal), id);
    if (!run) throw notFound('settlement');
    return run;
  }

  private requireParty(principal: Principal, run: SettlementRun): 'upstream' | 'downstream' {
    const party = partyOf(principal, run);
    if (!party) throw new AppError('COMPENSATION_NOT_A_PARTY', 'only the upstream and the downstream government confirm or object');
    return party;
  }

  private requireState(run: SettlementRun, action: SettlementAction): void {
    const step = settlementStateMachine[action];
    if (!step.from.includes(run.state)) {
      throw new AppError('COMPENSATION_INVALID_TRANSITION', `cannot ${action} a settlement that is ${run.state} (allowed from ${step.from.join(', ')})`, { details: { currentState: run.state, allowed: [...step.from], action } });
    }
  }

  private async lostRace(principal: Principal, id: string, action: SettlementAction): Promise<never> {
    const current = await this.visibleSettlement(principal, id);
    this.requireState(current, action);
    if (action === 'object') throw new AppError('COMPENSATION_OBJECTION_WINDOW_CLOSED', 'objections are closed');
    throw new AppError('COMPENSATION_ALREADY_CONFIRMED', 'this party has confirmed already');
  }

  private history(actor: Caller, action: string, from: SettlementState, to: SettlementState, party?: string, reason?: string): Record<string, unknown> {
    return { action, from, to, at: this.deps.clock.now(), by: { userId: actor.principal.userId, username: actor.principal.username }, ...(party ? { party } : {}), ...(reason ? { reason } : {}) };
  }

  private async audit(actor: Caller, action: string, before: SettlementRun, after: SettlementRun): Promise<void> {
    const summary = (s: SettlementRun) => ({ state: s.state, confirmations: { upstream: !!s.confirmations.upstream, downstream: !!s.confirmations.downstream }, objection: s.objection?.reason ?? null });
    await this.deps.audit.append(actor, { action, entityType: 'compensation_settlement', entityId: after.id, before: summary(before), after: summary(after), institutionId: actor.principal.institutionId });
  }

  private async agreementView(principal: Principal, a: Agreement): Promise<AgreementView> {
    const [up, down] = await Promise.all([this.deps.institutions.findByIdUnscoped(a.upstreamInstitutionId), this.deps.institutions.findByIdUnscoped(a.downstreamInstitutionId)]);
    return { ...a, basin: pilotBasins.basins.find((b) => b.code === a.basinCode)!, upstreamName: up?.name ?? '—', downstreamName: down?.name ?? '—', myParty: partyOf(principal, a) };
  }

  private settlementView(principal: Principal, s: SettlementRun): SettlementView {
    return { ...s, myParty: partyOf(principal, s), objectionOpen: s.state === 'PENDING_CONFIRMATION' && this.deps.clock.now().getTime() <= new Date(s.objectionDeadline).getTime() };
  }
}
