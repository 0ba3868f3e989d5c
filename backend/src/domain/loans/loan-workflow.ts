// The engine every loan step goes through: permission, idempotency key, one compare-and-set on the
// loan's state within the tenant, the history entry, and the audit record with before/after.
import type { LoanRepository } from '../../db/loans/loan.repository.js';
import type { HistoryEntry, Loan, LoanScope } from '../../db/loans/loan.types.js';
import type { AuditTrail } from '../audit/audit-trail.js';
import type { Clock } from '../clock.js';
import { AppError, forbidden, notFound } from '../errors/index.js';
import { can, readsAllTenants, type Actor, type Principal } from '../identity/principal.js';
import { loanStateMachine, type LoanAction, type LoanState } from './loan-state-machine.js';

export type Caller = Actor & { principal: Principal };

/** The platform acting on its own (jobs, recovery, hooks from other workflows). */
export const loanSystemActor: Actor = { requestId: 'loan-workflow' };

export function invalidTransition(action: LoanAction, currentState: LoanState): AppError {
  const step = loanStateMachine[action];
  return new AppError('LOAN_INVALID_TRANSITION', `cannot ${action} a loan that is ${currentState} (allowed from ${step.from.join(', ')})`, {
    details: { currentState, allowed: [...step.from], action },
  });
}

/** Which loans the caller may touch: a bank's staff their bank's, an applicant their own, platform readers all. */
export function loanScopeOf(principal: Principal): LoanScope {
  if (principal.institutionId && (can(principal, 'loans.review') || can(principal, 'loans.approve'))) return { kind: 'bank', institutionId: principal.institutionId };
  if (principal.subjectId) return { kind: 'applicant', subjectId: principal.subjectId };
  if (readsAllTenants(principal)) return { kind: 'all' };
  throw new AppError('FORBIDDEN', 'only applicants, bank staff and platform readers have loans');
}

/** What the audit trail records of a loan. */
export function loanAuditView(loan: Loan): Record<string, unknown> {
  return {
    state: loan.state,
    amountFen: loan.amountFen,
    termMonths: loan.termMonths,
    guaranteeRequired: loan.guaranteeRequired,
    guaranteeId: loan.guaranteeId,
    recommendation: loan.recommendation ? { amountFen: loan.recommendation.amountFen, annualRateBp: loan.recommendation.annualRateBp, termMonths: loan.recommendation.termMonths, by: loan.recommendation.by.username } : null,
    rejection: loan.rejection ? { reasonCodes: loan.rejection.reasonCodes } : null,
    pledgedAssetIds: loan.pledgedAssetIds,
    pendingStep: loan.pendingStep ? { kind: loan.pendingStep.kind, key: loan.pendingStep.key } : null,
    repaymentSeq: loan.repaymentSeq,
    principalOutstandingFen: (loan.outstanding?.['principalOutstandingFen'] as number | undefined) ?? null,
  };
}

export interface MoveOptions {
  set?: Record<string, unknown>;
  reason?: string | undefined;
  /** Further conditions of the compare-and-set (e.g. no step in progress). */
  expected?: Record<string, unknown>;
  /** Further update operators ($push, $inc). */
  extra?: Record<string, unknown>;
}

export class LoanWorkflow {
  constructor(private readonly deps: { loans: LoanRepository; audit: AuditTrail; clock: Clock }) {}

  /** The loan within the caller's scope, or 404 (another tenant's loan looks exactly like a missing one). */
  async visible(principal: Principal, id: string): Promise<Loan> {
    const loan = await this.deps.loans.find(loanScopeOf(principal), id);
    if (!loan) throw notFound('loan');
    return loan;
  }

  /** Audits a change of a loan that is not a state transition (a repayment, a disposal). */
  async audit(actor: Actor, action: string, before: Loan, after: Loan): Promise<void> {
    await this.deps.audit.append(actor, { action, entityType: 'loan', entityId: after.id, before: loanAuditView(before), after: loanAuditView(after), institutionId: after.institutionId, subjectId: after.subjectId });
  }

  /** Checks the permission of a step done by a person. */
  authorise(actor: Actor, action: LoanAction): void {
    const step = loanStateMachine[action];
    if (step.permission && actor.principal && !can(actor.principal, step.permission)) throw forbidden(step.permission);
  }

  /** The loan as left by an earlier request with the same Idempotency-Key for the same step, if any. */
  async replay(actor: Actor, scope: LoanScope, loanId: string, action: LoanAction): Promise<Loan | undefined> {
    if (!actor.idempotencyKey) return undefined;
    return this.deps.loans.findByIdempotencyKey(scope, loanId, action, actor.idempotencyKey);
  }

  /**
   * Moves the loan by one row of the table: compare-and-set from its current state, within the
   * tenant. A lost race re-reads the loan: the same idempotency key returns the first outcome,
   * anything else is refused naming the state the loan is in now.
   */
  async move(actor: Actor, scope: LoanScope, loan: Loan, action: LoanAction, options: MoveOptions = {}): Promise<Loan> {
    this.authorise(actor, action);
    const replayed = await this.replay(actor, scope, loan.id, action);
    if (replayed) return replayed;
    const step = loanStateMachine[action];
    if (!step.from.includes(loan.state)) throw invalidTransition(action, loan.state);
    const now = this.deps.clock.now();
    const history: HistoryEntry = {
      action, from: loan.state, to: step.to, at: now,
      by: actor.principal ? { userId: actor.principal.userId, username: actor.principal.username } : null,
      ...(options.reason ? { reason: options.reason } : {}),
      ...(actor.idempotencyKey ? { idempotencyKey: actor.idempotencyKey } : {}),
    };
    const set = { ...(options.set ?? {}), state: step.to, stateSince: now };
    const after = await this.deps.loans.transition(scope, loan.id, [loan.state], set, history, options.expected ?? {}, options.extra ?? {});
    if (!after) {
      const replay = await this.replay(actor, scope, loan.id, action);
      if (replay) return replay;
      const current = await this.deps.loans.find(scope, loan.id);
      if (!current) throw notFound('loan');
      if (current.state === loan.state && current.pendingStep) {
        throw new AppError('LOAN_STEP_IN_PROGRESS', `another ${current.pendingStep.kind} of this loan is in progress`, { details: { currentState: current.state, step: current.pendingStep.kind } });
      }
      throw invalidTransition(action, current.state);
    }
    await this.audit(actor, `loan.${action}`, loan, after);
    return after;
  }
}
