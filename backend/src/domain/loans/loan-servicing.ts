// From acceptance to the end: disbursement with the pledge (a cross-document step recorded as an
// intent first), repayments (interest-first, in the scoring library), the daily overdue/default
// run, disposal of pledged assets, write-off, closure releasing the pledges, and recovery.
import { loanScopeFilter as scopeFilter, type LoanApplicationRepository, type LoanRepository } from '../../db/loans/loan.repository.js';
import type { Loan, LoanScope } from '../../db/loans/loan.types.js';
import type { LoanState as RepaymentState, OutstandingBalance, RepaymentSchedule } from '@eco/scoring';
import type { Clock } from '../clock.js';
import { AppError, forbidden } from '../errors/index.js';
import { can, type Actor } from '../identity/principal.js';
import type { LoanApplications } from './loan-applications.js';
import { loanMaths } from './loan-maths.js';
import type { CollateralPort } from './loan-ports.js';
import { isoDay } from './loan-prescreen.js';
import type { LoanReview } from './loan-review.js';
import { invalidTransition, loanScopeOf, loanSystemActor, type Caller, type LoanWorkflow } from './loan-workflow.js';

export interface RepaymentInput {
  amountFen: number;
  date: string;
  prepayment?: 'reduce_instalment' | 'shorten_term' | undefined;
}

export interface OverdueRunResult {
  asOf: string;
  checked: number;
  markedOverdue: string[];
  cured: string[];
  defaulted: string[];
}

/** A half-done step older than this is taken over by the recovery job (a live request is never that slow). */
export const staleStepMs = 5 * 60_000;

export class LoanServicing {
  constructor(private readonly deps: {
    loans: LoanRepository;
    applications: LoanApplicationRepository;
    applicationService: LoanApplications;
    workflow: LoanWorkflow;
    review: LoanReview;
    collateral: CollateralPort;
    clock: Clock;
  }) {}

  /**
   * ACCEPTED → ACTIVE. Records the intent on the loan (only one disbursement can hold it), pledges
   * every asset (free → pledged to this loan, one compare-and-set each), then activates the loan with
   * its repayment schedule and clears the intent. If any asset is no longer free, the assets pledged
   * so far are released and the step fails naming the asset.
   */
  async disburse(actor: Caller, id: string, input: { disbursementDate?: string | undefined }): Promise<Loan> {
    const scope = loanScopeOf(actor.principal);
    const loan = await this.deps.workflow.visible(actor.principal, id);
    this.deps.workflow.authorise(actor, 'disburse');
    const replay = await this.deps.workflow.replay(actor, scope, id, 'disburse');
    if (replay) return replay;
    if (loan.state !== 'ACCEPTED') throw invalidTransition('disburse', loan.state);
    if (loan.guaranteeRequired && !loan.guaranteeId) {
      throw new AppError('LOAN_CHECK_FAILED', 'a guarantee is required and none is in force', { details: { check: 'guarantee_confirmed_if_required' } });
    }
    const offer = loan.recommendation!;
    const disbursementDate = input.disbursementDate ?? isoDay(this.deps.clock.now());
    const schedule = loanMaths.schedule({ principalFen: offer.amountFen, annualRateBp: offer.annualRateBp, method: loan.repaymentMethod, frequency: loan.frequency, termMonths: offer.termMonths, disbursementDate });
    const key = actor.idempotencyKey ?? `disburse:${id}:${this.deps.clock.now().getTime()}`;
    const claimed = await this.deps.loans.update(id, { ...scopeFilter(scope), state: 'ACCEPTED', pendingStep: null }, {
      $set: { pendingStep: { kind: 'pledge', key, assetIds: loan.assetIds, startedAt: this.deps.clock.now() } },
    });
    if (!claimed) throw await this.lostClaim(actor, scope, id);
    await this.pledgeAll(actor, claimed);
    const state = loanMaths.open(schedule);
    const outstanding = loanMaths.outstanding(state, disbursementDate);
    const active = await this.deps.workflow.move(actor, scope, claimed, 'disburse', {
      expected: { 'pendingStep.key': key },
      set: { pendingStep: null, pledgedAssetIds: loan.assetIds, disbursedAt: this.deps.clock.now(), schedule, repaymentState: state, outstanding: summary(outstanding) },
    });
    await this.reportExposure(active, offer.amountFen);
    return active;
  }

  /** Why another disbursement of the same loan holds (or took) the step: the same key gets its outcome. */
  private async lostClaim(actor: Actor, scope: LoanScope, id: string): Promise<AppError> {
    const current = (await this.deps.loans.find(scope, id))!;
    if (current.state === 'ACCEPTED' && current.pendingStep) {
      return new AppError('LOAN_STEP_IN_PROGRESS', 'another disbursement of this loan is in progress', { details: { currentState: current.state, step: current.pendingStep.kind } });
    }
    if (current.state === 'ACCEPTED') return new AppError('CONFLICT', 'another disbursement of this loan just failed; read the loan and retry', { details: { currentState: current.state } });
    return invalidTransition('disburse', current.state);
  }

  /** Pledges each asset to the loan; on the first refusal releases what this loan holds and fails. */
  private async pledgeAll(actor: Actor, loan: Loan): Promise<void> {
    for (const [index, assetId] of loan.assetIds.entries()) {
      try {
        await this.deps.collateral.pledge(actor, { assetId, loanId: loan.id, institutionId: loan.institutionId });
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
        await this.releaseAll(actor, loan, loan.assetIds);
        await this.deps.loans.update(loan.id, { 'pendingStep.key': loan.pendingStep!.key }, { $set: { pendingStep: null } });
        throw new AppError('LOAN_PLEDGE_FAILED', `asset ${assetId} could not be pledged (${e.message}); nothing was pledged`, {
          field: `assetIds.${index}`, details: { assetId, cause: e.code },
        });
      }
    }
  }

  private async releaseAll(actor: Actor, loan: Loan, assetIds: readonly string[]): Promise<void> {
    for (const assetId of assetIds) await this.deps.collateral.release(actor, { assetId, loanId: loan.id, institutionId: loan.institutionId });
  }

  private async reportExposure(loan: Loan, outstandingFen: number): Promise<void> {
    for (const assetId of loan.pledgedAssetIds) {
      await this.deps.collateral.updateExposure({ assetId, loanId: loan.id, institutionId: loan.institutionId, outstandingFen });
    }
  }

  /** Records a repayment (partial, early or overpayment), applied interest-first by the scoring library. */
  async recordRepayment(actor: Caller, id: string, input: RepaymentInput): Promise<Loan> {
    const scope = loanScopeOf(actor.principal);
    if (!can(actor.principal, 'loans.review')) throw forbidden('loans.review');
    const loan = await this.deps.workflow.visible(actor.principal, id);
    if (actor.idempotencyKey) {
      const done = loan.repayments.find((r) => r['idempotencyKey'] === actor.idempotencyKey);
      if (done) return loan;
    }
    return this.applyMoney(actor, scope, loan, input, 'repayment');
  }

  /** The bank sold a pledged asset of a defaulted loan: proceeds repay the loan, the asset is released. */
  async recordDisposal(actor: Caller, id: string, input: { assetId: string; proceedsFen: number; date: string; note: string }): Promise<Loan> {
    const scope = loanScopeOf(actor.principal);
    if (!can(actor.principal, 'loans.review')) throw forbidden('loans.review');
    const loan = await this.deps.workflow.visible(actor.principal, id);
    if (actor.idempotencyKey && loan.repayments.some((r) => r['idempotencyKey'] === actor.idempotencyKey)) return loan;
    if (loan.state !== 'DEFAULTED') {
      throw new AppError('LOAN_INVALID_TRANSITION', `pledged assets are disposed of only for a DEFAULTED loan; this loan is ${loan.state}`, { details: { currentState: loan.state, allowed: ['DEFAULTED'], action: 'dispose' } });
    }
    if (!loan.pledgedAssetIds.includes(input.assetId)) {
      throw new AppError('LOAN_CHECK_FAILED', 'the asset is not pledged to this loan', { field: 'assetId', details: { check: 'asset_pledged_to_loan' } });
    }
    const after = await this.applyMoney(actor, scope, loan, { amountFen: input.proceedsFen, date: input.date }, 'disposal', { assetId: input.assetId, note: input.note });
    await this.deps.collateral.release(actor, { assetId: input.assetId, loanId: loan.id, institutionId: loan.institutionId });
    const pledged = after.pledgedAssetIds.filter((a) => a !== input.assetId);
    return (await this.deps.loans.update(loan.id, {}, { $set: { pledgedAssetIds: pledged } })) ?? after;
  }

  /** DEFAULTED → WRITTEN_OFF (approver); the remaining pledges are released. */
  async writeOff(actor: Caller, id: string, reason: string): Promise<Loan> {
    const scope = loanScopeOf(actor.principal);
    const loan = await this.deps.workflow.visible(actor.principal, id);
    const after = await this.deps.workflow.move(actor, scope, loan, 'writeOff', {
      reason, set: { pendingStep: { kind: 'release', key: `write-off:${loan.id}`, assetIds: loan.pledgedAssetIds, startedAt: this.deps.clock.now() } },
    });
    return this.finishRelease(actor, after);
  }

  private async applyMoney(actor: Actor, scope: LoanScope, loan: Loan, input: RepaymentInput, kind: 'repayment' | 'disposal', extra: Record<string, unknown> = {}): Promise<Loan> {
    if (!['ACTIVE', 'OVERDUE', 'DEFAULTED'].includes(loan.state)) {
      throw new AppError('LOAN_INVALID_TRANSITION', `repayments are recorded only on a lent loan; this loan is ${loan.state}`, { details: { currentState: loan.state, allowed: ['ACTIVE', 'OVERDUE', 'DEFAULTED'], action: kind } });
    }
    const result = loanMaths.repay(loan.repaymentState as unknown as RepaymentState, input);
    const record = {
      kind, seq: loan.repaymentSeq + 1, amountFen: input.amountFen, date: input.date, appliedFen: result.appliedFen, unappliedFen: result.unappliedFen,
      lines: result.lines, recordedAt: this.deps.clock.now(), by: actor.principal?.username ?? 'system', ...(actor.idempotencyKey ? { idempotencyKey: actor.idempotencyKey } : {}), ...extra,
    };
    const set = { repaymentState: result.state, outstanding: summary(result.outstanding) };
    const guard = { ...scopeFilter(scope), repaymentSeq: loan.repaymentSeq, state: loan.state };
    const update = { $set: set, $push: { repayments: record }, $inc: { repaymentSeq: 1 } };
    const after = await this.deps.loans.update(loan.id, guard, update);
    if (!after) throw new AppError('CONFLICT', 'another repayment of this loan was recorded at the same moment; read the loan again and retry', { details: { currentState: loan.state } });
    await this.deps.workflow.audit(actor, `loan.${kind}`, loan, after);
    if (result.outstanding.status === 'CLOSED') return this.close(actor, after);
    if (after.state === 'OVERDUE' && result.outstanding.status === 'CURRENT') return this.deps.workflow.move(loanSystemActor, { kind: 'all' }, after, 'cure');
    await this.reportExposure(after, result.outstanding.principalOutstandingFen);
    return after;
  }

  /** Obligations met: → CLOSED with a release intent, then every pledge is released. */
  private async close(actor: Actor, loan: Loan): Promise<Loan> {
    const closed = await this.deps.workflow.move({ ...loanSystemActor, requestId: actor.requestId }, { kind: 'all' }, loan, 'close', {
      set: { closedAt: this.deps.clock.now(), pendingStep: { kind: 'release', key: `close:${loan.id}`, assetIds: loan.pledgedAssetIds, startedAt: this.deps.clock.now() } },
    });
    return this.finishRelease(actor, closed);
  }

  private async finishRelease(actor: Actor, loan: Loan): Promise<Loan> {
    const step = loan.pendingStep!;
    await this.releaseAll(actor, loan, step.assetIds);
    return (await this.deps.loans.update(loan.id, { 'pendingStep.key': step.key }, { $set: { pendingStep: null, pledgedAssetIds: [] } })) ?? loan;
  }

  /** Daily: instalments past the grace period make the loan OVERDUE, past the default threshold DEFAULTED (the guarantee hook is raised). */
  async runOverdue(asOf: string = isoDay(this.deps.clock.now())): Promise<OverdueRunResult> {
    const result: OverdueRunResult = { asOf, checked: 0, markedOverdue: [], cured: [], defaulted: [] };
    for (let loan of await this.deps.loans.listInStates(['ACTIVE', 'OVERDUE'])) {
      result.checked++;
      const balance = loanMaths.outstanding(loan.repaymentState as unknown as RepaymentState, asOf);
      loan = (await this.deps.loans.update(loan.id, { state: loan.state }, { $set: { outstanding: summary(balance) } })) ?? loan;
      if (balance.status === 'CURRENT' && loan.state === 'OVERDUE') {
        await this.deps.workflow.move(loanSystemActor, { kind: 'all' }, loan, 'cure');
        result.cured.push(loan.id);
      }
      if ((balance.status === 'OVERDUE' || balance.status === 'DEFAULTED') && loan.state === 'ACTIVE') {
        loan = await this.deps.workflow.move(loanSystemActor, { kind: 'all' }, loan, 'markOverdue', { reason: `${balance.overdue.instalments} instalment(s) ${balance.maxDaysPastDue} days past due` });
        result.markedOverdue.push(loan.id);
      }
      if (balance.status === 'DEFAULTED' && loan.state === 'OVERDUE') {
        loan = await this.deps.workflow.move(loanSystemActor, { kind: 'all' }, loan, 'markDefaulted', { reason: `${balance.maxDaysPastDue} days past due (default after ${balance.defaultAfterDays})` });
        result.defaulted.push(loan.id);
        await this.deps.review.raiseDefault({ loanId: loan.id, institutionId: loan.institutionId, subjectId: loan.subjectId, guaranteeId: loan.guaranteeId, defaultedAt: this.deps.clock.now(), outstanding: loan.outstanding });
      }
    }
    return result;
  }

  /**
   * Finishes or undoes steps a crash left half-done: a pledge intent on a loan still ACCEPTED is
   * undone (its pledges released; the officer disburses again), a release intent is finished, an
   * acceptance is completed (or the application reopened), missing bank loans are opened.
   */
  async recover(): Promise<{ undonePledges: string[]; finishedReleases: string[]; acceptances: string[]; openedBankLoans: string[] }> {
    const out = { undonePledges: [] as string[], finishedReleases: [] as string[], acceptances: [] as string[], openedBankLoans: [] as string[] };
    const staleBefore = this.deps.clock.now().getTime() - staleStepMs;
    for (const application of await this.deps.applications.listSubmittedBefore(new Date(staleBefore))) {
      const loans = await this.deps.loans.listByApplication(application.id);
      if (application.bankIds.every((bank) => loans.some((l) => l.institutionId === bank))) continue;
      await this.deps.applicationService.openBankLoans(loanSystemActor, application);
      out.openedBankLoans.push(application.id);
    }
    for (const loan of await this.deps.loans.listWithPendingStep()) {
      const step = loan.pendingStep!;
      if (new Date(step.startedAt).getTime() > staleBefore) continue;
      if (step.kind === 'pledge' && loan.state === 'ACCEPTED') {
        await this.releaseAll(loanSystemActor, loan, step.assetIds);
        await this.deps.loans.update(loan.id, { 'pendingStep.key': step.key, state: 'ACCEPTED' }, { $set: { pendingStep: null } });
        out.undonePledges.push(loan.id);
      } else if (step.kind === 'release') {
        await this.finishRelease(loanSystemActor, loan);
        out.finishedReleases.push(loan.id);
      }
    }
    for (const application of await this.deps.applications.listAccepted()) {
      const loans = await this.deps.loans.listByApplication(application.id);
      const accepted = loans.find((l) => l.id === application.acceptedLoanId);
      if (accepted?.state === 'APPROVED') {
        await this.deps.workflow.move(loanSystemActor, { kind: 'all' }, accepted, 'accept', { reason: 'acceptance finished by recovery' });
      } else if (!accepted || !['ACCEPTED', 'ACTIVE', 'OVERDUE', 'DEFAULTED', 'CLOSED', 'WRITTEN_OFF'].includes(accepted.state)) {
        await this.deps.applications.compareAndSet(application.id, { state: 'OFFER_ACCEPTED', acceptedLoanId: application.acceptedLoanId }, { state: 'SUBMITTED', acceptedLoanId: null });
        out.acceptances.push(application.id);
        continue;
      }
      if (loans.some((l) => l.id !== application.acceptedLoanId && !['LAPSED', 'REJECTED', 'WITHDRAWN'].includes(l.state))) {
        await this.deps.applicationService.lapseOthers(application.id, application.acceptedLoanId!);
        out.acceptances.push(application.id);
      }
    }
    return out;
  }

  /** The loan's schedule with what is owed today. */
  async repaymentView(actor: Caller, id: string): Promise<{ schedule: RepaymentSchedule | null; outstanding: OutstandingBalance | null; repayments: Record<string, unknown>[] }> {
    const loan = await this.deps.workflow.visible(actor.principal, id);
    if (!loan.repaymentState) return { schedule: null, outstanding: null, repayments: loan.repayments };
    const state = loan.repaymentState as unknown as RepaymentState;
    return { schedule: state.schedule, outstanding: loanMaths.outstanding(state, isoDay(this.deps.clock.now())), repayments: loan.repayments };
  }
}

/** What the loan keeps of the balance (the instalment detail is recomputed on demand). */
function summary(balance: OutstandingBalance): Record<string, unknown> {
  const { instalments: _instalments, ...rest } = balance;
  return rest;
}
