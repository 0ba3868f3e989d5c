// The bank's side of one application: review, information requests, green assessment, guarantee
// request, the officer's recommendation and the approver's decision (maker ≠ checker, tiered limits).
import type { LoanApplicationRepository, LoanListFilter, LoanRepository } from '../../db/loans/loan.repository.js';
import type { Loan, LoanApplication, Recommendation } from '../../db/loans/loan.types.js';
import type { Page, PageRequest } from '../../db/page.js';
import type { Clock } from '../clock.js';
import { AppError, notFound } from '../errors/index.js';
import type { Principal } from '../identity/principal.js';
import type { ApprovalLimits } from './approval-limits.js';
import { loanMaths } from './loan-maths.js';
import type { LoanDefaultEvent, LoanDefaultListener } from './loan-ports.js';
import type { Prescreen } from './loan-prescreen.js';
import { allowedActions, type LoanAction } from './loan-state-machine.js';
import { loanScopeOf, loanSystemActor, type Caller, type LoanWorkflow } from './loan-workflow.js';

export interface RecommendationInput {
  amountFen: number;
  annualRateBp: number;
  termMonths: number;
  conditions: string[];
  notes: string;
}

/** A loan as the bank sees it in its queue: with the applicant's grade, the valuations, LTV and SLA age. */
export interface LoanSummary extends Loan {
  applicantName?: string;
  bankName?: string;
  allowedActions: LoanAction[];
  ageDays: number;
  glance: {
    grade: string | null;
    maxLoanFen: number | null;
    suggestedAnnualRateBp: number | null;
    collateralValueFen: number | null;
    /** Amount asked (or recommended) over the collateral value, in basis points. */
    ltvBp: number | null;
    eligible: boolean | null;
  };
}

const dayMs = 86_400_000;

export class LoanReview {
  private readonly defaultListeners: LoanDefaultListener[] = [];

  constructor(private readonly deps: {
    loans: LoanRepository;
    applications: LoanApplicationRepository;
    workflow: LoanWorkflow;
    limits: ApprovalLimits;
    clock: Clock;
    names: { subject(id: string): Promise<string>; institution(id: string): Promise<string> };
  }) {}

  /**
   * What a loan PDF is built from, once that document exists: the credit assessment for the bank
   * (and platform readers) after submission, the approval letter once approved, the schedule once disbursed.
   */
  async documentContext(principal: Principal, id: string, kind: 'credit-assessment' | 'approval-letter' | 'repayment-schedule') {
    const loan = await this.deps.workflow.visible(principal, id);
    if (kind === 'credit-assessment' && principal.subjectId) throw notFound('credit assessment');
    if (kind === 'approval-letter' && (loan.decision as { decision?: string } | null)?.decision !== 'approved') {
      throw new AppError('CONFLICT', `there is no approval letter: the loan is ${loan.state}`, { details: { currentState: loan.state } });
    }
    if (kind === 'repayment-schedule' && !loan.schedule) {
      throw new AppError('CONFLICT', `there is no repayment schedule before disbursement: the loan is ${loan.state}`, { details: { currentState: loan.state } });
    }
    const application = (await this.deps.applications.find(loan.applicationId))!;
    return { loan, application, applicantName: await this.deps.names.subject(loan.subjectId), bankName: await this.deps.names.institution(loan.institutionId) };
  }

  async list(principal: Principal, filter: LoanListFilter, page: PageRequest): Promise<Page<LoanSummary>> {
    const result = await this.deps.loans.list(loanScopeOf(principal), filter, page);
    const items: LoanSummary[] = [];
    for (const loan of result.items) {
      const summary = this.summary(loan, (await this.deps.applications.find(loan.applicationId))?.prescreen as Prescreen | null);
      items.push({ ...summary, applicantName: await this.deps.names.subject(loan.subjectId), bankName: await this.deps.names.institution(loan.institutionId) });
    }
    return { items, total: result.total };
  }

  async get(principal: Principal, id: string): Promise<LoanSummary & { application: LoanApplication; applicantName: string; bankName: string }> {
    const loan = await this.deps.workflow.visible(principal, id);
    const application = (await this.deps.applications.find(loan.applicationId))!;
    return {
      ...this.summary(loan, application.prescreen as Prescreen | null), application,
      applicantName: await this.deps.names.subject(loan.subjectId), bankName: await this.deps.names.institution(loan.institutionId),
    };
  }

  summary(loan: Loan, prescreen: Prescreen | null): LoanSummary {
    const collateralValueFen = prescreen ? prescreen.valuations.reduce((s, v) => s + v.valueFen, 0) : null;
    const amount = loan.recommendation?.amountFen ?? loan.amountFen;
    return {
      ...loan,
      allowedActions: allowedActions(loan.state),
      ageDays: Math.floor((this.deps.clock.now().getTime() - new Date(loan.stateSince).getTime()) / dayMs),
      glance: {
        grade: prescreen?.grade ?? null,
        maxLoanFen: prescreen?.maxLoanFen ?? null,
        suggestedAnnualRateBp: prescreen?.suggestedAnnualRateBp ?? null,
        collateralValueFen,
        ltvBp: collateralValueFen ? Math.round((amount * 10_000) / collateralValueFen) : null,
        eligible: prescreen?.eligible ?? null,
      },
    };
  }

  async startReview(actor: Caller, id: string): Promise<Loan> {
    return this.step(actor, id, 'startReview');
  }

  async requestInfo(actor: Caller, id: string, message: string): Promise<Loan> {
    const request = { kind: 'request', message, at: this.deps.clock.now(), by: actor.principal.username };
    return this.step(actor, id, 'requestInfo', { reason: message, extra: { $push: { infoRequests: request } } });
  }

  /** Confirms the use of proceeds against the taxonomy and attaches the grade and valuations of the pre-screen. */
  async assessGreen(actor: Caller, id: string, input: { taxonomyCode: string; note: string }): Promise<Loan> {
    const loan = await this.deps.workflow.visible(actor.principal, id);
    const entry = loanMaths.taxonomyEntry(input.taxonomyCode);
    if (!entry.eligible) throw new AppError('LOAN_CHECK_FAILED', `${input.taxonomyCode} is not an eligible green category`, { field: 'taxonomyCode', details: { check: 'taxonomy_eligible' } });
    const application = (await this.deps.applications.find(loan.applicationId))!;
    const prescreen = application.prescreen as Prescreen | null;
    if (prescreen && !prescreen.eligible) {
      throw new AppError('LOAN_CHECK_FAILED', `the pre-screen found the application not eligible: ${prescreen.reasons.map((r) => r.message).join('; ')}`, { details: { check: 'prescreen_eligible', reasons: prescreen.reasons } });
    }
    const assessment = {
      taxonomyCode: input.taxonomyCode, category: entry.name, pbocLoanUse: entry.pbocLoanUse, taxonomyVersion: loanMaths.taxonomyVersion,
      grade: prescreen?.grade ?? null, valuations: prescreen?.valuations.map((v) => ({ assetId: v.assetId, valuationId: v.valuationId, valueFen: v.valueFen, maxLoanFen: v.maxLoanFen })) ?? [],
      maxLoanFen: prescreen?.maxLoanFen ?? null, note: input.note, by: actor.principal.username, at: this.deps.clock.now(),
    };
    return this.step(actor, id, 'assessGreen', { set: { greenAssessment: assessment, taxonomyCode: input.taxonomyCode } }, loan);
  }

  /** The product or the officer requires a guarantee: GREEN_ASSESSED → GUARANTEE_PENDING (issue 9 takes it from here). */
  async requestGuarantee(actor: Caller, id: string, note: string): Promise<Loan> {
    return this.step(actor, id, 'requestGuarantee', { set: { guaranteeRequired: true }, reason: note });
  }

  /** Called by the guarantee workflow when a guarantee is in force for the loan. */
  async confirmGuarantee(loanId: string, guaranteeId: string): Promise<Loan> {
    const loan = await this.deps.loans.find({ kind: 'all' }, loanId);
    if (!loan) throw notFound('loan');
    if (loan.guaranteeId === guaranteeId && loan.state !== 'GUARANTEE_PENDING') return loan;
    return this.deps.workflow.move({ ...loanSystemActor, idempotencyKey: `guarantee:${guaranteeId}` }, { kind: 'all' }, loan, 'confirmGuarantee', {
      set: { guaranteeId, guaranteeConfirmedAt: this.deps.clock.now() },
    });
  }

  /** The guarantee workflow subscribes here: called once when a loan moves to DEFAULTED. */
  onDefault(listener: LoanDefaultListener): void {
    this.defaultListeners.push(listener);
  }

  async raiseDefault(event: LoanDefaultEvent): Promise<void> {
    for (const listener of this.defaultListeners) await listener(event);
  }

  /** The officer's recommendation (maker): amount, rate, term, conditions, notes → PENDING_APPROVAL. */
  async recommend(actor: Caller, id: string, input: RecommendationInput): Promise<Loan> {
    const loan = await this.deps.workflow.visible(actor.principal, id);
    if (loan.guaranteeRequired && loan.state !== 'GUARANTEE_CONFIRMED') {
      throw new AppError('LOAN_CHECK_FAILED', 'a guarantee was requested: recommend once it is confirmed', { details: { check: 'guarantee_confirmed_if_required', currentState: loan.state } });
    }
    const prescreen = (await this.deps.applications.find(loan.applicationId))?.prescreen as Prescreen | null;
    if (prescreen && input.amountFen > prescreen.maxLoanFen) {
      throw new AppError('LOAN_CHECK_FAILED', `the amount is above the maximum loan of ${prescreen.maxLoanFen} fen`, { field: 'amountFen', details: { check: 'amount_within_max_loan', maxLoanFen: prescreen.maxLoanFen } });
    }
    if (loan.frequency === 'quarterly' && input.termMonths % 3 !== 0) throw new AppError('VALIDATION_FAILED', 'a quarterly repaid loan runs a whole number of quarters', { field: 'termMonths' });
    const recommendation: Recommendation = { ...input, by: { userId: actor.principal.userId, username: actor.principal.username }, at: this.deps.clock.now() };
    return this.step(actor, id, 'recommend', { set: { recommendation, decision: null } }, loan);
  }

  /** The approver's decision (checker): never the officer who recommended; within the approver's tier. */
  async approve(actor: Caller, id: string, note: string): Promise<Loan> {
    const loan = await this.deps.workflow.visible(actor.principal, id);
    const replay = await this.deps.workflow.replay(actor, loanScopeOf(actor.principal), id, 'approve');
    if (replay) return replay;
    this.makerIsNotChecker(actor, loan);
    const check = loan.recommendation && loan.state === 'PENDING_APPROVAL'
      ? await this.deps.limits.check(loan.institutionId, actor.principal.userId, loan.recommendation.amountFen)
      : null;
    const decision = { decision: 'approved', note, by: { userId: actor.principal.userId, username: actor.principal.username }, at: this.deps.clock.now(), ...(check ?? {}) };
    return this.step(actor, id, 'approve', { set: { decision }, expected: { 'recommendation.at': loan.recommendation?.at } }, loan);
  }

  /** The approver rejects: reason codes and a message the applicant sees. */
  async reject(actor: Caller, id: string, input: { reasonCodes: string[]; applicantMessage: string; note: string }): Promise<Loan> {
    const loan = await this.deps.workflow.visible(actor.principal, id);
    this.makerIsNotChecker(actor, loan);
    return this.step(actor, id, 'reject', { set: { rejection: this.rejection(actor, input), decision: { decision: 'rejected', note: input.note, by: { userId: actor.principal.userId, username: actor.principal.username }, at: this.deps.clock.now() } }, reason: input.reasonCodes.join(',') }, loan);
  }

  /** The officer declines during review (before any recommendation): reason codes and the applicant's message. */
  async decline(actor: Caller, id: string, input: { reasonCodes: string[]; applicantMessage: string; note: string }): Promise<Loan> {
    return this.step(actor, id, 'decline', { set: { rejection: this.rejection(actor, input) }, reason: input.reasonCodes.join(',') });
  }

  /** Undo of an approval before the applicant accepts: back to PENDING_APPROVAL. */
  async undoApproval(actor: Caller, id: string, reason: string): Promise<Loan> {
    return this.step(actor, id, 'undoApproval', { set: { decision: null }, reason });
  }

  private rejection(actor: Caller, input: { reasonCodes: string[]; applicantMessage: string }) {
    return { reasonCodes: input.reasonCodes, applicantMessage: input.applicantMessage, by: { userId: actor.principal.userId, username: actor.principal.username }, at: this.deps.clock.now() };
  }

  private makerIsNotChecker(actor: Caller, loan: Loan): void {
    if (loan.recommendation && loan.recommendation.by.userId === actor.principal.userId) {
      throw new AppError('LOAN_MAKER_CHECKER', 'you recommended this loan: another approver must decide on it', { details: { check: 'maker_is_not_checker', recommendedBy: loan.recommendation.by.username } });
    }
  }

  private async step(actor: Caller, id: string, action: LoanAction, options: Parameters<LoanWorkflow['move']>[4] = {}, loaded?: Loan): Promise<Loan> {
    const loan = loaded ?? (await this.deps.workflow.visible(actor.principal, id));
    return this.deps.workflow.move(actor, loanScopeOf(actor.principal), loan, action, options);
  }
}
