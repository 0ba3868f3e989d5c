// The engine every bond step goes through: permission, idempotency key, one compare-and-set on the
// bond's state within the tenant, the history entry, and the audit record with before/after.
import type { BondRepository } from '../../db/bonds/bond.repository.js';
import type { Bond, BondHistoryEntry, BondScope } from '../../db/bonds/bond.types.js';
import type { AuditTrail } from '../audit/audit-trail.js';
import type { Clock } from '../clock.js';
import { AppError, forbidden, notFound } from '../errors/index.js';
import { can, readsAllTenants, type Actor, type Principal } from '../identity/principal.js';
import { bondStateMachine, type BondAction, type BondState } from './bond-state-machine.js';

export type Caller = Actor & { principal: Principal };

export function invalidBondTransition(action: BondAction, currentState: BondState): AppError {
  const step = bondStateMachine[action];
  return new AppError('BOND_INVALID_TRANSITION', `cannot ${action} a bond that is ${currentState} (allowed from ${step.from.join(', ')})`, {
    details: { currentState, allowed: [...step.from], action },
  });
}

/** Which bonds the caller may touch: an issuer its own (an enterprise's users, or a bank's staff for its green financial bonds), a reviewer those assigned to its institution, platform readers all. */
export function bondScopeOf(principal: Principal): BondScope {
  const issues = can(principal, 'bonds.issue') || can(principal, 'bonds.allocate.approve');
  if (principal.subjectId && issues) return { kind: 'issuer', subjectId: principal.subjectId };
  if (principal.institutionId && issues) return { kind: 'bank', institutionId: principal.institutionId };
  if (principal.institutionId && can(principal, 'bonds.review')) return { kind: 'reviewer', institutionId: principal.institutionId };
  if (readsAllTenants(principal)) return { kind: 'all' };
  throw new AppError('FORBIDDEN', 'only issuers, their external reviewers and platform readers have bonds');
}

export const userRef = (p: Principal) => ({ userId: p.userId, username: p.username });

/** What the audit trail records of a bond. */
export function bondAuditView(bond: Bond): Record<string, unknown> {
  return {
    state: bond.state,
    name: bond.name,
    issuerInstitutionId: bond.issuerInstitutionId ?? null,
    reviewerInstitutionId: bond.reviewerInstitutionId,
    standards: bond.framework.standards,
    projects: bond.projects.map((p) => ({ id: p.id, taxonomyCode: p.taxonomyCode, eligible: p.eligible })),
    review: bond.review ? { type: bond.review.type, conclusion: bond.review.conclusion, documentSha256: bond.review.document.sha256 } : null,
    terms: bond.terms,
    proceedsFen: bond.proceedsFen,
    committedFen: bond.committedFen,
    allocatedFen: bond.allocatedFen,
    allocations: bond.allocations.map((a) => ({ id: a.id, projectId: a.projectId, amountFen: a.amountFen, state: a.state })),
    linkedLoans: (bond.linkedLoans ?? []).map((l) => ({ loanId: l.loanId, amountFen: l.amountFen, taxonomyCode: l.taxonomyCode })),
    delabelling: bond.delabelling ? { projectId: bond.delabelling.projectId, reason: bond.delabelling.reason } : null,
  };
}

/** The tenant of a bond's audit record: the issuing enterprise, or the bank (its own staff's steps) and otherwise the reviewer. */
export function bondAuditTenant(actor: Actor, bond: Pick<Bond, 'issuerSubjectId' | 'issuerInstitutionId' | 'reviewerInstitutionId'>): { subjectId?: string; institutionId?: string } {
  if (bond.issuerSubjectId) return { subjectId: bond.issuerSubjectId, ...(bond.reviewerInstitutionId ? { institutionId: bond.reviewerInstitutionId } : {}) };
  const institutionId = actor.principal?.institutionId === bond.reviewerInstitutionId && bond.reviewerInstitutionId ? bond.reviewerInstitutionId : bond.issuerInstitutionId;
  return institutionId ? { institutionId } : {};
}

export interface BondMoveOptions {
  set?: Record<string, unknown>;
  reason?: string | undefined;
  expected?: Record<string, unknown>;
  extra?: Record<string, unknown>;
}

export class BondWorkflow {
  constructor(private readonly deps: { bonds: BondRepository; audit: AuditTrail; clock: Clock }) {}

  /** The bond within the caller's scope, or 404 (another tenant's bond looks exactly like a missing one). */
  async visible(principal: Principal, id: string): Promise<Bond> {
    const bond = await this.deps.bonds.find(bondScopeOf(principal), id);
    if (!bond) throw notFound('bond');
    return bond;
  }

  async audit(actor: Actor, action: string, before: Bond | null, after: Bond): Promise<void> {
    await this.deps.audit.append(actor, {
      action, entityType: 'bond', entityId: after.id, before: before ? bondAuditView(before) : undefined, after: bondAuditView(after),
      ...bondAuditTenant(actor, after),
    });
  }

  authorise(actor: Actor, action: BondAction): void {
    const step = bondStateMachine[action];
    if (step.permission && actor.principal && !can(actor.principal, step.permission)) throw forbidden(step.permission);
  }

  history(actor: Actor, action: string, from: BondState, to: BondState, reason?: string): BondHistoryEntry {
    return {
      action, from, to, at: this.deps.clock.now(),
      by: actor.principal ? userRef(actor.principal) : null,
      ...(reason ? { reason } : {}),
      ...(actor.idempotencyKey ? { idempotencyKey: actor.idempotencyKey } : {}),
    };
  }

  async replay(actor: Actor, scope: BondScope, id: string, action: BondAction): Promise<Bond | undefined> {
    if (!actor.idempotencyKey) return undefined;
    return this.deps.bonds.findByIdempotencyKey(scope, id, action, actor.idempotencyKey);
  }

  /**
   * Moves the bond by one row of the table: compare-and-set from its current state within the tenant.
   * A lost race re-reads the bond: the same idempotency key returns the first outcome, anything else is
   * refused naming the state the bond is in now.
   */
  async move(actor: Actor, scope: BondScope, bond: Bond, action: BondAction, options: BondMoveOptions = {}): Promise<Bond> {
    this.authorise(actor, action);
    const replayed = await this.replay(actor, scope, bond.id, action);
    if (replayed) return replayed;
    const step = bondStateMachine[action];
    if (!step.from.includes(bond.state)) throw invalidBondTransition(action, bond.state);
    const now = this.deps.clock.now();
    const set = { ...(options.set ?? {}), state: step.to, stateSince: now };
    const after = await this.deps.bonds.transition(scope, bond.id, [bond.state], set, this.history(actor, action, bond.state, step.to, options.reason), options.expected ?? {}, options.extra ?? {});
    if (!after) {
      const replay = await this.replay(actor, scope, bond.id, action);
      if (replay) return replay;
      const current = await this.deps.bonds.find(scope, bond.id);
      if (!current) throw notFound('bond');
      throw invalidBondTransition(action, current.state);
    }
    await this.audit(actor, `bond.${action}`, bond, after);
    return after;
  }
}
