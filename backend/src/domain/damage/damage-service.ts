// Ecological damage compensation cases (生态环境损害赔偿): an environmental authority's officer opens a
// case against a registered subject, records the assessment, the agreement or judgment with its
// payment plan, payments and restoration progress; a second officer reviews and closes it. Opening
// reports the case to the points engine through the partner ingestion path (the enterprise rule
// set's general_environmental_incident downgrade applies by rule); a closed case — paid and
// restored — is the evidence the responsible enterprise files for credit repair.
import type { DamageCase, DamageCaseRepository, DamageScope } from '../../db/damage-cases/damage-case.repository.js';
import type { InstitutionRepository } from '../../db/institutions/institution.repository.js';
import type { Page, PageRequest } from '../../db/page.js';
import type { SubjectRepository } from '../../db/subjects/subject.repository.js';
import type { BankRelationships } from '../access/bank-relationships.js';
import type { AuditTrail } from '../audit/audit-trail.js';
import type { Clock } from '../clock.js';
import type { DocumentService } from '../documents/document-service.js';
import { AppError, forbidden, notFound } from '../errors/index.js';
import { permissionsOf } from '../identity/permissions.js';
import { can, readsAllTenants, type Actor, type Principal } from '../identity/principal.js';
import type { PartnerPrincipal } from '../points/partner-keys.js';
import type { PointsServices } from '../points/points-services.js';
import { allowedDamageActions, damageCaseEventType, damageStateMachine, type DamageAction, type DamageCaseState } from './damage-state-machine.js';

type Caller = Actor & { principal: Principal };
type UserRef = { userId: string; username: string };
const userRef = (p: Principal): UserRef => ({ userId: p.userId, username: p.username });

export interface OpenInput {
  caseNumber: string;
  responsibleSubjectId: string;
  site: string;
  region: string;
  damageType: string;
  description: string;
  occurredOn: string;
}

export type DamageCaseView = DamageCase & { responsibleName: string; authorityName: string; outstandingFen: number; allowedActions: DamageAction[]; creditRepairEvidence: boolean };

export class DamageService {
  constructor(
    private readonly deps: {
      cases: DamageCaseRepository;
      documents: DocumentService;
      institutions: InstitutionRepository;
      subjects: SubjectRepository;
      bankRelationships: BankRelationships;
      points: PointsServices;
      audit: AuditTrail;
      clock: Clock;
    },
  ) {}

  private authority(principal: Principal, action: DamageAction | 'open'): DamageScope & { kind: 'authority' } {
    const permission = action === 'open' ? 'damage.manage' : damageStateMachine[action].permission;
    if (!can(principal, permission) || !principal.institutionId) throw forbidden(permission);
    return { kind: 'authority', institutionId: principal.institutionId };
  }

  async open(actor: Caller, input: OpenInput): Promise<DamageCaseView> {
    const scope = this.authority(actor.principal, 'open');
    const subject = await this.deps.subjects.findByIdUnscoped(input.responsibleSubjectId);
    if (!subject) throw new AppError('VALIDATION_FAILED', 'no registered subject has this id', { field: 'responsibleSubjectId' });
    const created = await this.deps.cases.insert({ ...input, authorityInstitutionId: scope.institutionId, openedBy: userRef(actor.principal), stateSince: this.deps.clock.now() });
    if (!created) throw new AppError('DUPLICATE', `case ${input.caseNumber} already exists`, { field: 'caseNumber' });
    await this.deps.audit.append(actor, { action: 'damage-case.open', entityType: 'damage_case', entityId: created.id, subjectId: created.responsibleSubjectId, after: { caseNumber: created.caseNumber, damageType: created.damageType, state: created.state } });
    return this.view(await this.reportToPoints(actor, created));
  }

  /**
   * The open case becomes negative evidence through the same ingestion path as partner events: the
   * authority reports it as a partner whose key may report the incident type only. Resending (the
   * same partner event id and Idempotency-Key) changes nothing.
   */
  private async reportToPoints(actor: Caller, c: DamageCase): Promise<DamageCase> {
    const partner: PartnerPrincipal = {
      userId: `damage-authority:${c.authorityInstitutionId}`, username: 'damage-compensation', roles: ['data_partner'], permissions: new Set(permissionsOf(['data_partner'])),
      institutionId: c.authorityInstitutionId, partnerCode: 'eco_damage_compensation', eventTypes: new Set([damageCaseEventType]),
    };
    const partnerEventId = `damage-case-${c.id}`;
    const result = await this.deps.points.ingestion.ingest({ principal: partner, requestId: actor.requestId, idempotencyKey: `damage-case:${c.id}:opened` }, {
      events: [{ partnerEventId, subjectId: c.responsibleSubjectId, type: damageCaseEventType, occurredAt: `${c.occurredOn}T00:00:00+08:00`, quantity: 1, evidenceRef: c.caseNumber }],
    });
    const pointsEvent = { partnerEventId, type: damageCaseEventType, stored: result.stored + result.alreadyReceived > 0, at: this.deps.clock.now() };
    return (await this.deps.cases.transition({ kind: 'all' }, c.id, ['OPENED'], { set: { pointsEvent } })) ?? c;
  }

  async assess(actor: Caller, id: string, input: { damageFen: number; restorationCostFen: number; assessor: string; documentIds: string[] }): Promise<DamageCaseView> {
    const documents = await this.docs(actor, input.documentIds);
    return this.move(actor, id, 'assess', { set: { assessment: { damageFen: input.damageFen, restorationCostFen: input.restorationCostFen, assessor: input.assessor, documents, at: this.deps.clock.now() } } });
  }

  async resolve(actor: Caller, id: string, input: { kind: 'agreement' | 'judgment'; reference: string; date: string; paymentPlan: { dueDate: string; amountFen: number }[]; documentIds: string[] }): Promise<DamageCaseView> {
    const documents = await this.docs(actor, input.documentIds);
    const totalDueFen = input.paymentPlan.reduce((sum, p) => sum + p.amountFen, 0);
    if (!Number.isSafeInteger(totalDueFen)) throw new AppError('VALIDATION_FAILED', 'the payment plan total is too large', { field: 'paymentPlan' });
    return this.move(actor, id, 'resolve', { set: { resolution: { kind: input.kind, reference: input.reference, date: input.date, paymentPlan: input.paymentPlan, documents }, totalDueFen } });
  }

  /** A payment: one conditional $inc that never takes the paid amount above the amount due. */
  async recordPayment(actor: Caller, id: string, input: { amountFen: number; paidOn: string; reference: string }): Promise<DamageCaseView> {
    const before = await this.existing(actor, id, 'recordPayment');
    const outstanding = before.totalDueFen - before.paidFen;
    if (before.state === 'RESOLVED' && input.amountFen > outstanding) {
      throw new AppError('DAMAGE_CHECK_FAILED', `the payment exceeds the ${outstanding} fen outstanding`, { field: 'amountFen', details: { check: 'within_amount_due', outstandingFen: outstanding } });
    }
    const payment = { ...input, recordedBy: userRef(actor.principal), at: this.deps.clock.now() };
    return this.move(actor, id, 'recordPayment', { inc: { paidFen: input.amountFen }, push: { payments: payment }, extra: { totalDueFen: before.totalDueFen, paidFen: { $lte: before.totalDueFen - input.amountFen } } }, before);
  }

  async updateRestoration(actor: Caller, id: string, input: { progressPct: number; note: string; documentIds: string[] }): Promise<DamageCaseView> {
    const documents = await this.docs(actor, input.documentIds);
    const update = { progressPct: input.progressPct, note: input.note, documents, at: this.deps.clock.now(), by: userRef(actor.principal) };
    return this.move(actor, id, 'updateRestoration', { set: { 'restoration.progressPct': input.progressPct }, push: { 'restoration.updates': update } });
  }

  async submitForReview(actor: Caller, id: string): Promise<DamageCaseView> {
    const before = await this.existing(actor, id, 'submitForReview');
    if (before.state === 'RESOLVED') this.checkComplete(before);
    return this.move(actor, id, 'submitForReview', { set: { submittedBy: userRef(actor.principal) } }, before);
  }

  async review(actor: Caller, id: string, decision: 'close' | 'return', note: string): Promise<DamageCaseView> {
    const action: DamageAction = decision === 'close' ? 'close' : 'returnForWork';
    const before = await this.existing(actor, id, action);
    if (before.openedBy.userId === actor.principal.userId || before.submittedBy?.userId === actor.principal.userId) {
      throw new AppError('DAMAGE_MAKER_CHECKER', 'the reviewer cannot be the officer who opened the case or submitted it for review');
    }
    if (decision === 'close' && before.state === 'UNDER_REVIEW') this.checkComplete(before);
    return this.move(actor, id, action, { set: { review: { decision: decision === 'close' ? 'closed' : 'returned', note, by: userRef(actor.principal), at: this.deps.clock.now() } } }, before);
  }

  private checkComplete(c: DamageCase): void {
    if (c.paidFen < c.totalDueFen) throw new AppError('DAMAGE_CHECK_FAILED', `${c.totalDueFen - c.paidFen} fen are still unpaid`, { details: { check: 'fully_paid', outstandingFen: c.totalDueFen - c.paidFen } });
    if (c.restoration.progressPct < 100) throw new AppError('DAMAGE_CHECK_FAILED', `restoration is at ${c.restoration.progressPct} %`, { details: { check: 'restoration_complete', progressPct: c.restoration.progressPct } });
  }

  /**
   * The responsible enterprise files credit repair with its closed case as evidence (the points
   * repair rules still apply: a yellow or red grade, within the repair window).
   */
  async applyForCreditRepair(actor: Caller, id: string, reason: string): Promise<unknown> {
    if (!actor.principal.subjectId) throw forbidden('points.own.read');
    const c = await this.deps.cases.find({ kind: 'subject', subjectId: actor.principal.subjectId }, id);
    if (!c) throw notFound('damage case');
    if (c.state !== 'CLOSED') throw new AppError('DAMAGE_REPAIR_NOT_ELIGIBLE', `the case is ${c.state}; it is evidence for credit repair once paid, restored and closed`, { details: { state: c.state, paidFen: c.paidFen, totalDueFen: c.totalDueFen, progressPct: c.restoration.progressPct } });
    return this.deps.points.cases.applyForRepair(actor, { reason: `${reason}（生态环境损害赔偿案件 ${c.caseNumber} 已全额赔偿、修复完成并结案）`, documentIds: [] });
  }

  private async docs(actor: Caller, ids: string[]): Promise<{ id: string; filename: string; sha256: string }[]> {
    return (await this.deps.documents.requireOwned(actor.principal, ids, 'documentIds')).map((d) => ({ id: d.id, filename: d.filename, sha256: d.sha256 }));
  }

  private async existing(actor: Caller, id: string, action: DamageAction): Promise<DamageCase> {
    const c = await this.deps.cases.find(this.authority(actor.principal, action), id);
    if (!c) throw notFound('damage case');
    return c;
  }

  private async move(actor: Caller, id: string, action: DamageAction, update: { set?: Record<string, unknown>; inc?: Record<string, number>; push?: Record<string, unknown>; extra?: Record<string, unknown> }, known?: DamageCase): Promise<DamageCaseView> {
    const step = damageStateMachine[action];
    const scope = this.authority(actor.principal, action);
    const before = known ?? (await this.existing(actor, id, action));
    const now = this.deps.clock.now();
    const history = { action, from: before.state, to: step.to, at: now, by: userRef(actor.principal) };
    const after = await this.deps.cases.transition(scope, id, step.from, {
      ...update, set: { ...(update.set ?? {}), state: step.to, ...(step.to !== before.state ? { stateSince: now } : {}) }, push: { ...(update.push ?? {}), history },
    });
    if (!after) {
      const current = (await this.deps.cases.find(scope, id))!;
      if (!step.from.includes(current.state)) {
        throw new AppError('DAMAGE_INVALID_TRANSITION', `cannot ${action} a case that is ${current.state} (allowed from ${step.from.join(', ')})`, { details: { currentState: current.state, allowed: [...step.from], action } });
      }
      throw new AppError('CONFLICT', 'the case changed meanwhile; reload it and try again');
    }
    await this.deps.audit.append(actor, {
      action: `damage-case.${action}`, entityType: 'damage_case', entityId: id, subjectId: after.responsibleSubjectId,
      before: { state: before.state, paidFen: before.paidFen, progressPct: before.restoration.progressPct }, after: { state: after.state, paidFen: after.paidFen, progressPct: after.restoration.progressPct },
    });
    return this.view(after);
  }

  /** Authority: its own; responsible subject: its own; bank: subjects with an application to it; platform readers: all. */
  private async scopeOf(principal: Principal): Promise<DamageScope | undefined> {
    if (readsAllTenants(principal)) return { kind: 'all' };
    if (principal.institutionId && (can(principal, 'damage.manage') || can(principal, 'damage.review'))) return { kind: 'authority', institutionId: principal.institutionId };
    if (principal.subjectId) return { kind: 'subject', subjectId: principal.subjectId };
    if (principal.institutionId && (can(principal, 'loans.review') || can(principal, 'loans.approve'))) {
      const visible: string[] = [];
      for (const subjectId of await this.deps.cases.responsibleSubjects()) {
        if (await this.deps.bankRelationships.subjectAppliedTo(principal.institutionId, subjectId)) visible.push(subjectId);
      }
      return { kind: 'subjects', subjectIds: visible };
    }
    return undefined;
  }

  async list(principal: Principal, state: DamageCaseState | undefined, page: PageRequest): Promise<Page<DamageCaseView>> {
    const scope = await this.scopeOf(principal);
    if (!scope) return { items: [], total: 0 };
    const found = await this.deps.cases.list(scope, state, page);
    return { items: await Promise.all(found.items.map((c) => this.view(c))), total: found.total };
  }

  async get(principal: Principal, id: string): Promise<DamageCaseView> {
    const scope = await this.scopeOf(principal);
    const c = scope ? await this.deps.cases.find(scope, id) : undefined;
    if (!c) throw notFound('damage case');
    return this.view(c);
  }

  async subjects(): Promise<{ id: string; name: string; code: string; type: string }[]> {
    const page = await this.deps.subjects.list({ all: true }, { limit: 500, offset: 0 });
    return page.items.map((s) => ({ id: s.id, name: s.name, code: s.code, type: s.type }));
  }

  private async view(c: DamageCase): Promise<DamageCaseView> {
    const [subject, authority] = await Promise.all([this.deps.subjects.findByIdUnscoped(c.responsibleSubjectId), this.deps.institutions.findByIdUnscoped(c.authorityInstitutionId)]);
    return {
      ...c, responsibleName: subject?.name ?? '', authorityName: authority?.name ?? '', outstandingFen: c.totalDueFen - c.paidFen,
      allowedActions: allowedDamageActions(c.state), creditRepairEvidence: c.state === 'CLOSED',
    };
  }
}
