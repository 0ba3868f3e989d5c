// The engine every guarantee step goes through: permission, idempotency key, one compare-and-set on
// the guarantee's state within the tenant, the history entry, and the audit record with before/after.
import type { GuaranteeRepository } from '../../db/guarantees/guarantee.repository.js';
import type { Guarantee, GuaranteeHistoryEntry, GuaranteeScope } from '../../db/guarantees/guarantee.types.js';
import type { AuditTrail } from '../audit/audit-trail.js';
import type { Clock } from '../clock.js';
import { AppError, forbidden, notFound } from '../errors/index.js';
import { can, readsAllTenants, type Actor, type Principal } from '../identity/principal.js';
import { finishedStates, guaranteeStateMachine, type GuaranteeAction, type GuaranteeState } from './guarantee-state-machine.js';

export type Caller = Actor & { principal: Principal };

/** The platform acting on its own (jobs, recovery, the loan default hook). */
export const guaranteeSystemActor: Actor = { requestId: 'guarantee-workflow' };

export function invalidGuaranteeTransition(action: GuaranteeAction, currentState: string): AppError {
  const step = guaranteeStateMachine[action];
  return new AppError('GUARANTEE_INVALID_TRANSITION', `cannot ${action} a guarantee that is ${currentState} (allowed from ${step.from.join(', ')})`, {
    details: { currentState, allowed: [...step.from], action },
  });
}

/** Which guarantees the caller may see: guarantor staff their institution's (and re-guarantee claims filed with it), bank staff their bank's, platform readers all. */
export function guaranteeScopeOf(principal: Principal): GuaranteeScope {
  if (principal.institutionId && (can(principal, 'guarantees.review') || can(principal, 'guarantees.approve'))) return { kind: 'guarantor', institutionId: principal.institutionId };
  if (principal.institutionId && (can(principal, 'loans.review') || can(principal, 'loans.approve'))) return { kind: 'bank', institutionId: principal.institutionId };
  if (readsAllTenants(principal)) return { kind: 'all' };
  throw new AppError('FORBIDDEN', 'only guarantors, banks and platform readers see guarantees');
}

/** What the audit trail records of a guarantee. */
export function guaranteeAuditView(g: Guarantee): Record<string, unknown> {
  return {
    state: g.state, amountFen: g.amountFen, loanId: g.loanId,
    annualFeeRateBp: g.recommendation?.annualFeeRateBp ?? null, riskShares: g.recommendation?.riskShares ?? null,
    decision: g.decision ? { decision: g.decision.decision, by: g.decision.by.username } : null,
    letter: g.letter ? { number: g.letter.number, feeFen: g.letter.feeFen } : null,
    claimFen: g.claim?.amountFen ?? null, compensation: g.compensation ? { amountFen: g.compensation.amountFen, split: g.compensation.split } : null,
    recoveredFen: g.recoveredFen, pendingStep: g.pendingStep ? { kind: g.pendingStep.kind, key: g.pendingStep.key } : null,
  };
}

export interface MoveOptions {
  set?: Record<string, unknown>;
  reason?: string | undefined;
  expected?: Record<string, unknown>;
  extra?: Record<string, unknown>;
}

export type AfterMove = (actor: Actor, before: Guarantee, after: Guarantee) => Promise<void>;

export class GuaranteeWorkflow {
  private readonly afterMoves: AfterMove[] = [];

  constructor(private readonly deps: { guarantees: GuaranteeRepository; audit: AuditTrail; clock: Clock }) {}

  /** Runs after every successful transition (capacity given back, counter-guarantee assets released). */
  onMoved(fn: AfterMove): void {
    this.afterMoves.push(fn);
  }

  /** The guarantee within the caller's scope, or 404 (another tenant's guarantee looks exactly like a missing one). */
  async visible(principal: Principal, id: string): Promise<Guarantee> {
    const g = await this.deps.guarantees.find(guaranteeScopeOf(principal), id);
    if (!g) throw notFound('guarantee');
    return g;
  }

  /** The guarantee for a step: visible to the caller and the caller's own institution's to act on (a re-guarantor only reads). */
  async actionable(principal: Principal, id: string): Promise<Guarantee> {
    const g = await this.visible(principal, id);
    this.assertActsFor(guaranteeScopeOf(principal), g);
    return g;
  }

  async audit(actor: Actor, action: string, before: Guarantee | null, after: Guarantee): Promise<void> {
    await this.deps.audit.append(actor, { action, entityType: 'guarantee', entityId: after.id, before: before ? guaranteeAuditView(before) : undefined, after: guaranteeAuditView(after), institutionId: after.institutionId, subjectId: after.subjectId });
  }

  authorise(actor: Actor, action: GuaranteeAction): void {
    const step = guaranteeStateMachine[action];
    if (step.permission && actor.principal && !can(actor.principal, step.permission)) throw forbidden(step.permission);
  }

  async replay(actor: Actor, scope: GuaranteeScope, id: string, action: GuaranteeAction): Promise<Guarantee | undefined> {
    if (!actor.idempotencyKey) return undefined;
    return this.deps.guarantees.findByIdempotencyKey(scope, id, action, actor.idempotencyKey);
  }

  /** Refuses a step the table does not allow from the guarantee's current state. */
  assertFrom(action: GuaranteeAction, g: Guarantee): void {
    if (!guaranteeStateMachine[action].from.includes(g.state as GuaranteeState)) throw invalidGuaranteeTransition(action, g.state);
  }

  /**
   * Moves the guarantee by one row of the table: compare-and-set from its current state, within the
   * tenant. A lost race re-reads: the same idempotency key returns the first outcome, anything else
   * is refused naming the state the guarantee is in now.
   */
  /** Only the guarantor's own staff act on a guarantee (the re-guarantor only reads its claims): 404 otherwise. */
  assertActsFor(scope: GuaranteeScope, g: Guarantee): void {
    if (scope.kind === 'guarantor' && g.institutionId !== scope.institutionId) throw notFound('guarantee');
  }

  async move(actor: Actor, scope: GuaranteeScope, g: Guarantee, action: GuaranteeAction, options: MoveOptions = {}): Promise<Guarantee> {
    this.assertActsFor(scope, g);
    this.authorise(actor, action);
    const replayed = await this.replay(actor, scope, g.id, action);
    if (replayed) return replayed;
    const step = guaranteeStateMachine[action];
    this.assertFrom(action, g);
    const now = this.deps.clock.now();
    const history: GuaranteeHistoryEntry = {
      action, from: g.state, to: step.to, at: now,
      by: actor.principal ? { userId: actor.principal.userId, username: actor.principal.username } : null,
      ...(options.reason ? { reason: options.reason } : {}),
      ...(actor.idempotencyKey ? { idempotencyKey: actor.idempotencyKey } : {}),
    };
    const open = !(finishedStates as readonly string[]).includes(step.to);
    const set = { ...(options.set ?? {}), state: step.to, stateSince: now, open, ...(open ? {} : { openLoanKey: `${g.loanId}#${g.id}` }) };
    const after = await this.deps.guarantees.transition(scope, g.id, [g.state], set, history, options.expected ?? {}, options.extra ?? {});
    if (!after) {
      const replay = await this.replay(actor, scope, g.id, action);
      if (replay) return replay;
      const current = await this.deps.guarantees.find(scope, g.id);
      if (!current) throw notFound('guarantee');
      if (current.state === g.state) throw new AppError('CONFLICT', 'the guarantee changed at the same moment; read it again and retry', { details: { currentState: current.state } });
      throw invalidGuaranteeTransition(action, current.state);
    }
    await this.audit(actor, `guarantee.${action}`, g, after);
    for (const fn of this.afterMoves) await fn(actor, g, after);
    return after;
  }
}
