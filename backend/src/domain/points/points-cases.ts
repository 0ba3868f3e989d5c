// Objections (to a ledger entry or to the grade, within the publicity window) and credit repair
// (yellow/red subjects, within the repair window). A reviewer decides before the deadline; an
// accepted objection reverses the entry with a new reversing entry (never an edit) and the subject
// is rescored; accepted repair lifts the vetoes and downgrades in force and rescoring follows.
import type { LedgerRepository } from '../../db/points-ledger/ledger.repository.js';
import type { PointsEventRepository } from '../../db/points-events/points-event.repository.js';
import type { CaseKind, CaseState, PointsCase, PointsCaseRepository } from '../../db/points-cases/points-case.repository.js';
import type { Page, PageRequest } from '../../db/page.js';
import type { SnapshotRepository } from '../../db/points-snapshots/snapshot.repository.js';
import type { AuditTrail } from '../audit/audit-trail.js';
import type { Clock } from '../clock.js';
import type { DocumentService } from '../documents/document-service.js';
import { AppError, forbidden, notFound } from '../errors/index.js';
import { can, readsAllTenants, type Actor, type Principal } from '../identity/principal.js';
import { daysBetween } from './china-date.js';
import { PointsAccess } from './points-access.js';
import type { RescoringService } from './rescoring-service.js';
import { reviewTransitions, type ReviewDecision } from './review-workflow.js';
import { eventRef } from './subject-evidence.js';

export interface CaseDeadlines {
  publicityWindowDays: number;
  reviewDeadlineDays: number;
  creditRepairWindowDays: number;
}

export interface CaseDeps {
  cases: PointsCaseRepository;
  ledger: LedgerRepository;
  events: PointsEventRepository;
  snapshots: SnapshotRepository;
  documents: DocumentService;
  rescoring: RescoringService;
  audit: AuditTrail;
  clock: Clock;
  deadlines: CaseDeadlines;
}

type Authenticated = Actor & { principal: Principal };
export type CaseView = PointsCase & { overdue: boolean };

const repairableGrades = new Set(['yellow', 'red']);
const dayMs = 86_400_000;

export class PointsCaseService {
  constructor(private readonly deps: CaseDeps) {}

  async object(actor: Authenticated, body: { target: 'ledger_entry' | 'grade'; ledgerEntryId?: string; reason: string; documentIds: string[] }): Promise<CaseView> {
    const subjectId = PointsAccess.ownSubject(actor.principal);
    const now = this.deps.clock.now();
    const window = this.deps.deadlines.publicityWindowDays;
    if (body.target === 'ledger_entry') {
      if (!body.ledgerEntryId) throw new AppError('VALIDATION_FAILED', 'ledgerEntryId is required to object to a ledger entry', { field: 'ledgerEntryId' });
      const entry = await this.deps.ledger.findForSubject(subjectId, body.ledgerEntryId);
      if (!entry || !entry.eventId) throw notFound('ledger entry');
      if (daysBetween(entry.at, now) > window) throw this.windowClosed(window);
    }
    const snapshot = await this.deps.snapshots.find(subjectId);
    if (body.target === 'grade' && (!snapshot?.gradeSince || daysBetween(new Date(`${snapshot.gradeSince}T00:00:00+08:00`), now) > window)) throw this.windowClosed(window);
    await this.deps.documents.requireOwned(actor.principal, body.documentIds, 'documentIds');
    return this.file(actor, {
      kind: 'objection', subjectId, target: body.target, ledgerEntryId: body.ledgerEntryId, grade: snapshot?.grade ?? undefined,
      reason: body.reason, documentIds: body.documentIds, openKey: `${subjectId}:objection:${body.ledgerEntryId ?? 'grade'}`,
    });
  }

  async applyForRepair(actor: Authenticated, body: { reason: string; documentIds: string[] }): Promise<CaseView> {
    const subjectId = PointsAccess.ownSubject(actor.principal);
    const snapshot = await this.deps.snapshots.find(subjectId);
    if (!snapshot || snapshot.subjectType === 'individual' || !snapshot.grade || !repairableGrades.has(snapshot.grade)) {
      throw new AppError('POINTS_CREDIT_REPAIR_NOT_ELIGIBLE', 'credit repair is open to enterprises and organisations graded yellow or red');
    }
    const window = this.deps.deadlines.creditRepairWindowDays;
    if (daysBetween(new Date(`${snapshot.gradeSince}T00:00:00+08:00`), this.deps.clock.now()) > window) {
      throw new AppError('POINTS_CREDIT_REPAIR_NOT_ELIGIBLE', `credit repair must be applied for within ${window} days of the grade`);
    }
    await this.deps.documents.requireOwned(actor.principal, body.documentIds, 'documentIds');
    return this.file(actor, { kind: 'credit_repair', subjectId, grade: snapshot.grade, reason: body.reason, documentIds: body.documentIds, openKey: `${subjectId}:credit_repair` });
  }

  async list(principal: Principal, page: PageRequest, filter: { kind?: CaseKind; state?: CaseState }): Promise<Page<CaseView>> {
    const reviewer = can(principal, 'objections.review') || readsAllTenants(principal);
    if (!reviewer && !principal.subjectId) return { items: [], total: 0 };
    const found = await this.deps.cases.list(reviewer ? undefined : principal.subjectId, page, filter);
    return { items: found.items.map((c) => this.view(c)), total: found.total };
  }

  async decide(actor: Authenticated, id: string, decision: ReviewDecision, note: string): Promise<CaseView> {
    const before = await this.deps.cases.find(undefined, id);
    if (!before) throw notFound('case');
    const transition = reviewTransitions[before.kind][decision];
    if (!can(actor.principal, transition.permission)) throw forbidden(transition.permission);
    const after = await this.deps.cases.decide(id, transition.to, { decidedBy: actor.principal.username, decidedAt: this.deps.clock.now(), note });
    if (!after) throw new AppError('POINTS_INVALID_TRANSITION', `this case is ${before.state}; only a submitted one can be decided`, { field: 'decision' });
    await this.deps.audit.append(actor, {
      action: `points.${after.kind}.${decision}`, entityType: 'points_case', entityId: id, subjectId: after.subjectId,
      before: { state: before.state }, after: { state: after.state, note },
    });
    if (after.state === 'accepted') await this.carryOut(after);
    return this.view(after);
  }

  private async carryOut(accepted: PointsCase): Promise<void> {
    if (accepted.kind === 'objection' && accepted.ledgerEntryId) {
      const entry = (await this.deps.ledger.findForSubject(accepted.subjectId, accepted.ledgerEntryId))!;
      await this.takeOut(accepted, [entry.eventId!], 'reversed', 'objection_reversal');
    }
    if (accepted.kind === 'credit_repair') {
      const snapshot = await this.deps.snapshots.find(accepted.subjectId);
      const triggers = [...(snapshot?.vetoesApplied ?? []), ...(snapshot?.downgradesApplied ?? [])].map((v) => v.eventId);
      await this.takeOut(accepted, triggers, 'repaired', 'credit_repair');
    }
    await this.deps.rescoring.rescoreSubject(accepted.subjectId);
  }

  /** Takes events out of scoring and appends a reversing entry for whatever the ledger held for each. */
  private async takeOut(accepted: PointsCase, eventIds: string[], state: 'reversed' | 'repaired', reason: string): Promise<void> {
    if (eventIds.length === 0) return;
    await this.deps.events.leaveActive(accepted.subjectId, eventIds, state);
    const snapshot = await this.deps.snapshots.find(accepted.subjectId);
    await this.deps.rescoring.appendEntries(accepted.subjectId, (held) =>
      eventIds.filter((id) => (held.get(eventRef(id)) ?? 0) !== 0).map((eventId) => ({
        ref: eventRef(eventId), eventId, ruleSetId: snapshot?.ruleSetId ?? 'unknown', ruleSetVersion: snapshot?.ruleSetVersion ?? 'unknown',
        centipoints: -(held.get(eventRef(eventId)) ?? 0), reason, caseId: accepted.id,
      })));
  }

  private async file(actor: Authenticated, data: Omit<PointsCase, 'id' | 'state' | 'filedBy' | 'filedAt' | 'dueBy'>): Promise<CaseView> {
    const now = this.deps.clock.now();
    const filed = await this.deps.cases.insert({
      ...data, state: 'submitted', filedBy: actor.principal.username, filedAt: now, dueBy: new Date(now.getTime() + this.deps.deadlines.reviewDeadlineDays * dayMs),
    });
    if (!filed) throw new AppError('POINTS_CASE_ALREADY_OPEN', 'this is already under review; wait for the decision');
    await this.deps.audit.append(actor, {
      action: `points.${data.kind}.file`, entityType: 'points_case', entityId: filed.id, subjectId: data.subjectId,
      after: { kind: data.kind, target: data.target, ledgerEntryId: data.ledgerEntryId, grade: data.grade, reason: data.reason, documentIds: data.documentIds },
    });
    return this.view(filed);
  }

  private view(c: PointsCase): CaseView {
    return { ...c, overdue: c.state === 'submitted' && c.dueBy.getTime() < this.deps.clock.now().getTime() };
  }

  private windowClosed(days: number): AppError {
    return new AppError('POINTS_OBJECTION_WINDOW_CLOSED', `objections are accepted within ${days} days (the publicity window)`);
  }
}
