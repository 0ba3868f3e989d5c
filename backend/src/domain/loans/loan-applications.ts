// The applicant's side: drafts, submission to one or several banks (one loan per bank), withdrawal,
// accepting one offer (the others lapse), answering an information request, the pre-screen.
import type { InstitutionRepository } from '../../db/institutions/institution.repository.js';
import type { LoanApplicationRepository, LoanRepository } from '../../db/loans/loan.repository.js';
import type { DocumentRef, HistoryEntry, Loan, LoanApplication, RepaymentFrequency, RepaymentMethod } from '../../db/loans/loan.types.js';
import type { Page, PageRequest } from '../../db/page.js';
import type { AuditTrail } from '../audit/audit-trail.js';
import type { Clock } from '../clock.js';
import type { DocumentService } from '../documents/document-service.js';
import { AppError, forbidden, notFound } from '../errors/index.js';
import { can, type Actor, type Principal } from '../identity/principal.js';
import { runPrescreen, type Prescreen } from './loan-prescreen.js';
import type { CollateralPort, ScorePort } from './loan-ports.js';
import { openReviewStates, type ApplicationState } from './loan-state-machine.js';
import { invalidTransition, loanSystemActor, type Caller, type LoanWorkflow } from './loan-workflow.js';
import { loanMaths } from './loan-maths.js';

export interface ApplicationInput {
  amountFen?: number | undefined;
  termMonths?: number | undefined;
  purpose?: string | undefined;
  taxonomyCode?: string | undefined;
  repaymentMethod?: RepaymentMethod | undefined;
  frequency?: RepaymentFrequency | undefined;
  assetIds?: string[] | undefined;
  documentIds?: string[] | undefined;
  bankIds?: string[] | undefined;
}

export interface ApplicationView extends LoanApplication {
  /** Each bank's side of the application (offer, rejection, state). */
  offers: Loan[];
}

interface Deps {
  applications: LoanApplicationRepository;
  loans: LoanRepository;
  institutions: InstitutionRepository;
  documents: DocumentService;
  collateral: CollateralPort;
  score: ScorePort;
  workflow: LoanWorkflow;
  audit: AuditTrail;
  clock: Clock;
}

const applicationView = (a: LoanApplication): Record<string, unknown> => ({
  state: a.state, amountFen: a.amountFen, termMonths: a.termMonths, purpose: a.purpose, taxonomyCode: a.taxonomyCode,
  assetIds: a.assetIds, bankIds: a.bankIds, documents: a.documents.map((d) => d.sha256), acceptedLoanId: a.acceptedLoanId,
});

export class LoanApplications {
  constructor(private readonly deps: Deps) {}

  async createDraft(actor: Caller, input: ApplicationInput): Promise<LoanApplication> {
    const subjectId = this.applicant(actor.principal);
    const documents = await this.documentRefs(actor.principal, input.documentIds ?? []);
    const { application, created } = await this.deps.applications.insertDraft({
      subjectId, createdBy: actor.principal.userId, idempotencyKey: actor.idempotencyKey, documents,
      amountFen: input.amountFen ?? null, termMonths: input.termMonths ?? null, purpose: input.purpose ?? null,
      taxonomyCode: input.taxonomyCode ?? null, repaymentMethod: input.repaymentMethod ?? loanMaths.pricing.schedule.method,
      frequency: input.frequency ?? loanMaths.pricing.schedule.frequency, assetIds: input.assetIds ?? [], bankIds: input.bankIds ?? [],
    });
    if (created) {
      await this.deps.audit.append(actor, { action: 'loan-application.create', entityType: 'loan-application', entityId: application.id, after: applicationView(application), subjectId });
    }
    return application;
  }

  /** Replaces the draft's fields (only a draft can change). */
  async updateDraft(actor: Caller, id: string, input: ApplicationInput): Promise<LoanApplication> {
    const before = await this.own(actor.principal, id);
    const documents = await this.documentRefs(actor.principal, input.documentIds ?? []);
    const set = {
      amountFen: input.amountFen ?? null, termMonths: input.termMonths ?? null, purpose: input.purpose ?? null, taxonomyCode: input.taxonomyCode ?? null,
      repaymentMethod: input.repaymentMethod ?? before.repaymentMethod, frequency: input.frequency ?? before.frequency,
      assetIds: input.assetIds ?? [], bankIds: input.bankIds ?? [], documents,
    };
    const after = await this.deps.applications.compareAndSet(id, { subjectId: before.subjectId, state: 'DRAFT' }, set);
    if (!after) throw this.invalid('update', await this.currentState(id, before.subjectId), ['DRAFT']);
    await this.deps.audit.append(actor, { action: 'loan-application.update', entityType: 'loan-application', entityId: id, before: applicationView(before), after: applicationView(after), subjectId: before.subjectId });
    return after;
  }

  /**
   * Checks completeness, moves DRAFT → SUBMITTED, opens one loan per bank and runs the pre-screen.
   * A crash after the state change is finished by the recovery job (missing bank loans are opened).
   */
  async submit(actor: Caller, id: string): Promise<ApplicationView> {
    const application = await this.own(actor.principal, id);
    if (application.state === 'SUBMITTED' && actor.idempotencyKey && application.history.some((h) => h.action === 'submit' && h.idempotencyKey === actor.idempotencyKey)) {
      return this.view(actor.principal, id);
    }
    if (application.state !== 'DRAFT') throw this.invalid('submit', application.state, ['DRAFT']);
    await this.checkComplete(application);
    const now = this.deps.clock.now();
    const history = this.history(actor, 'submit', application.state, 'SUBMITTED');
    const submitted = await this.deps.applications.compareAndSet(id, { subjectId: application.subjectId, state: 'DRAFT' }, { state: 'SUBMITTED', submittedAt: now }, history);
    if (!submitted) throw this.invalid('submit', await this.currentState(id, application.subjectId), ['DRAFT']);
    await this.deps.audit.append(actor, { action: 'loan-application.submit', entityType: 'loan-application', entityId: id, before: applicationView(application), after: applicationView(submitted), subjectId: application.subjectId });
    await this.openBankLoans(actor, submitted);
    await this.prescreen(actor, submitted);
    return this.view(actor.principal, id);
  }

  /** Opens the loan of every bank the application is offered to (idempotent: one per application and bank). */
  async openBankLoans(actor: Actor, application: LoanApplication): Promise<void> {
    const now = application.submittedAt ?? this.deps.clock.now();
    for (const institutionId of application.bankIds) {
      const existing = (await this.deps.loans.listByApplication(application.id)).find((l) => l.institutionId === institutionId);
      if (existing) continue;
      const loan = await this.deps.loans.insertForBank({
        applicationId: application.id, institutionId, subjectId: application.subjectId, state: 'SUBMITTED', stateSince: now, submittedAt: now,
        amountFen: application.amountFen!, termMonths: application.termMonths!, purpose: application.purpose!, taxonomyCode: application.taxonomyCode!,
        repaymentMethod: application.repaymentMethod!, frequency: application.frequency!, assetIds: application.assetIds,
        guaranteeRequired: false, guaranteeId: null, greenAssessment: null, infoRequests: [], recommendation: null, decision: null, rejection: null,
        pendingStep: null, pledgedAssetIds: [], disbursedAt: null, schedule: null, repaymentState: null, outstanding: null, repayments: [],
        repaymentSeq: 0, disposals: [], closedAt: null,
        history: [{ action: 'submit', from: null, to: 'SUBMITTED', at: now, by: actor.principal ? { userId: actor.principal.userId, username: actor.principal.username } : null }],
      });
      await this.deps.audit.append(actor, { action: 'loan.submit', entityType: 'loan', entityId: loan.id, after: { state: loan.state, applicationId: application.id, amountFen: loan.amountFen }, institutionId, subjectId: application.subjectId });
    }
  }

  /** Runs the pre-screen again and stores it on the application (applicant, or a bank the application is offered to). */
  async rerunPrescreen(actor: Caller, id: string): Promise<Prescreen> {
    const application = await this.readable(actor.principal, id);
    if (application.state === 'DRAFT' || application.state === 'WITHDRAWN') throw this.invalid('prescreen', application.state, ['SUBMITTED', 'OFFER_ACCEPTED']);
    return this.prescreen(actor, application);
  }

  private async prescreen(actor: Actor, application: LoanApplication): Promise<Prescreen> {
    const result = await runPrescreen({ collateral: this.deps.collateral, score: this.deps.score, now: this.deps.clock.now() }, actor, application);
    await Promise.all([this.deps.applications.compareAndSet(application.id, { subjectId: application.subjectId }, { prescreen: result }), this.deps.audit.append(actor, {
      action: 'loan-application.prescreen', entityType: 'loan-application', entityId: application.id, subjectId: application.subjectId,
      after: { eligible: result.eligible, maxLoanFen: result.maxLoanFen, suggestedAnnualRateBp: result.suggestedAnnualRateBp, grade: result.grade, versions: result.versions },
    })]);
    return result;
  }

  /** Withdraws the whole application: every bank still deciding → WITHDRAWN, every open offer → LAPSED. */
  async withdraw(actor: Caller, id: string, reason: string): Promise<ApplicationView> {
    const application = await this.own(actor.principal, id);
    const from: ApplicationState[] = ['DRAFT', 'SUBMITTED'];
    const after = await this.deps.applications.compareAndSet(id, { subjectId: application.subjectId, state: { $in: from } }, { state: 'WITHDRAWN' }, this.history(actor, 'withdraw', application.state, 'WITHDRAWN', reason));
    if (!after) {
      const current = await this.currentState(id, application.subjectId);
      if (current === 'WITHDRAWN' && actor.idempotencyKey) return this.view(actor.principal, id);
      throw this.invalid('withdraw', current, from);
    }
    await this.deps.audit.append(actor, { action: 'loan-application.withdraw', entityType: 'loan-application', entityId: id, before: applicationView(application), after: applicationView(after), subjectId: application.subjectId });
    const scope = { kind: 'applicant', subjectId: application.subjectId } as const;
    for (const loan of await this.deps.loans.listByApplication(id)) {
      if ((openReviewStates as readonly string[]).includes(loan.state)) await this.tryMove(actor, loan, 'withdraw', reason, scope);
      else if (loan.state === 'APPROVED') await this.tryMove(loanSystemActor, loan, 'lapse', 'the applicant withdrew the application', scope);
    }
    return this.view(actor.principal, id);
  }

  /** Withdraws the application from one bank (before that bank approves). */
  async withdrawFromBank(actor: Caller, loanId: string, reason: string): Promise<Loan> {
    const loan = await this.ownLoan(actor.principal, loanId);
    return this.deps.workflow.move(actor, { kind: 'applicant', subjectId: loan.subjectId }, loan, 'withdraw', { reason });
  }

  /** Answers a bank's information request (optionally with documents): INFO_REQUESTED → UNDER_REVIEW. */
  async provideInfo(actor: Caller, loanId: string, message: string, documentIds: string[]): Promise<Loan> {
    const loan = await this.ownLoan(actor.principal, loanId);
    const documents = await this.documentRefs(actor.principal, documentIds);
    const answer = { message, documents, at: this.deps.clock.now(), by: actor.principal.username };
    const updated = await this.deps.workflow.move(actor, { kind: 'applicant', subjectId: loan.subjectId }, loan, 'provideInfo', { extra: { $push: { infoRequests: { kind: 'answer', ...answer } } } });
    if (documents.length > 0) await this.deps.applications.addDocuments(loan.applicationId, loan.subjectId, documents);
    return updated;
  }

  /**
   * Accepts one bank's offer. The application records the accepted loan first (compare-and-set:
   * only one acceptance can win), then that loan moves APPROVED → ACCEPTED and every other bank's
   * loan lapses. If the offer was withdrawn meanwhile, the application is reopened. The recovery
   * job finishes an acceptance interrupted by a crash.
   */
  async accept(actor: Caller, loanId: string): Promise<Loan> {
    const loan = await this.ownLoan(actor.principal, loanId);
    const scope = { kind: 'applicant', subjectId: loan.subjectId } as const;
    this.deps.workflow.authorise(actor, 'accept');
    const replay = await this.deps.workflow.replay(actor, scope, loan.id, 'accept');
    if (replay) return replay;
    if (loan.state !== 'APPROVED') throw invalidTransition('accept', loan.state);
    const claimed = await this.deps.applications.compareAndSet(loan.applicationId, { subjectId: loan.subjectId, state: 'SUBMITTED', acceptedLoanId: null }, { state: 'OFFER_ACCEPTED', acceptedLoanId: loan.id }, this.history(actor, 'accept', 'SUBMITTED', 'OFFER_ACCEPTED'));
    // The application already names this very offer: an acceptance interrupted by a crash (or resent)
    // is finished here rather than refused; a concurrent one loses the loan's compare-and-set below.
    let resumed = false;
    if (!claimed) {
      const app = await this.deps.applications.find(loan.applicationId, loan.subjectId);
      resumed = app?.state === 'OFFER_ACCEPTED' && app.acceptedLoanId === loan.id;
      if (!resumed) {
        throw new AppError('LOAN_APPLICATION_CLOSED', app?.acceptedLoanId ? 'another offer of this application has already been accepted' : `the application is ${app?.state ?? 'gone'}`, {
          details: { applicationState: app?.state ?? null, acceptedLoanId: app?.acceptedLoanId ?? null },
        });
      }
    }
    let accepted: Loan;
    try {
      accepted = await this.deps.workflow.move(actor, scope, loan, 'accept');
    } catch (e) {
      if (!resumed) await this.deps.applications.compareAndSet(loan.applicationId, { subjectId: loan.subjectId, state: 'OFFER_ACCEPTED', acceptedLoanId: loan.id }, { state: 'SUBMITTED', acceptedLoanId: null }, this.history(loanSystemActor, 'reopen', 'OFFER_ACCEPTED', 'SUBMITTED', 'the accepted offer was no longer open'));
      throw e;
    }
    await this.lapseOthers(loan.applicationId, loan.id);
    return accepted;
  }

  /** Every other bank's loan of an accepted application lapses (idempotent; also run by recovery). */
  async lapseOthers(applicationId: string, acceptedLoanId: string): Promise<void> {
    for (const other of await this.deps.loans.listByApplication(applicationId)) {
      if (other.id === acceptedLoanId) continue;
      await this.tryMove(loanSystemActor, other, 'lapse', 'the applicant accepted another bank’s offer', { kind: 'all' });
    }
  }

  async get(principal: Principal, id: string): Promise<ApplicationView> {
    await this.readable(principal, id);
    return this.view(principal, id);
  }

  list(principal: Principal, states: string[] | undefined, page: PageRequest): Promise<Page<LoanApplication>> {
    return this.deps.applications.list(this.applicant(principal), states, page);
  }

  /** Banks an application can be offered to. */
  async banks(): Promise<{ id: string; name: string; nameEn: string | null; region: string }[]> {
    const page = await this.deps.institutions.list({ all: true }, { limit: 200, offset: 0 }, 'bank');
    return page.items.map((i) => ({ id: i.id, name: i.name, nameEn: i.nameEn ?? null, region: i.region }));
  }

  private async view(principal: Principal, id: string): Promise<ApplicationView> {
    const application = (await this.deps.applications.find(id))!;
    const all = await this.deps.loans.listByApplication(id);
    const offers = principal.institutionId && !principal.subjectId ? all.filter((l) => l.institutionId === principal.institutionId) : all;
    return { ...application, offers };
  }

  private async tryMove(actor: Actor, loan: Loan, action: 'withdraw' | 'lapse', reason: string, scope: Parameters<LoanWorkflow['move']>[1]): Promise<void> {
    try {
      await this.deps.workflow.move(actor, scope, loan, action, { reason });
    } catch (e) {
      if (!(e instanceof AppError) || e.code !== 'LOAN_INVALID_TRANSITION') throw e;
    }
  }

  private async checkComplete(a: LoanApplication): Promise<void> {
    const missing = (field: string, message: string) => new AppError('VALIDATION_FAILED', message, { field });
    if (!a.amountFen || a.amountFen <= 0) throw missing('amountFen', 'give the amount asked for');
    if (!a.termMonths) throw missing('termMonths', 'give the term in months');
    if (a.frequency === 'quarterly' && a.termMonths % 3 !== 0) throw missing('termMonths', 'a quarterly repaid loan runs a whole number of quarters');
    if (!a.purpose) throw missing('purpose', 'describe the purpose of the loan');
    if (!a.taxonomyCode) throw missing('taxonomyCode', 'choose the green category of the use of proceeds');
    if (!loanMaths.taxonomyEntry(a.taxonomyCode).eligible) throw missing('taxonomyCode', `${a.taxonomyCode} is not an eligible green category`);
    if (a.assetIds.length === 0) throw missing('assetIds', 'offer at least one verified asset as pledge');
    const assets = await this.deps.collateral.find(a.assetIds);
    for (const [index, assetId] of a.assetIds.entries()) {
      const asset = assets.find((x) => x.id === assetId);
      if (!asset || asset.subjectId !== a.subjectId) throw missing(`assetIds.${index}`, 'no asset of yours has this id');
      if (!asset.verified) throw missing(`assetIds.${index}`, `${asset.name} is not verified yet`);
      if (asset.encumbrance.status !== 'free') throw missing(`assetIds.${index}`, `${asset.name} is already ${asset.encumbrance.status}`);
    }
    if (a.bankIds.length === 0) throw missing('bankIds', 'offer the application to at least one bank');
    for (const [index, bankId] of a.bankIds.entries()) {
      const bank = await this.deps.institutions.findByIdUnscoped(bankId);
      if (!bank || bank.type !== 'bank') throw missing(`bankIds.${index}`, 'no bank has this id');
    }
  }

  private history(actor: Actor, action: string, from: string | null, to: string, reason?: string): HistoryEntry {
    return {
      action, from, to, at: this.deps.clock.now(),
      by: actor.principal ? { userId: actor.principal.userId, username: actor.principal.username } : null,
      ...(reason ? { reason } : {}), ...(actor.idempotencyKey ? { idempotencyKey: actor.idempotencyKey } : {}),
    };
  }

  private invalid(action: string, currentState: string, allowed: readonly string[]): AppError {
    return new AppError('LOAN_APPLICATION_INVALID_TRANSITION', `cannot ${action} an application that is ${currentState} (allowed from ${allowed.join(', ')})`, {
      details: { currentState, allowed: [...allowed], action },
    });
  }

  private async currentState(id: string, subjectId: string): Promise<string> {
    return (await this.deps.applications.find(id, subjectId))?.state ?? 'gone';
  }

  private applicant(principal: Principal): string {
    if (!principal.subjectId || !can(principal, 'loans.apply')) throw forbidden('loans.apply');
    return principal.subjectId;
  }

  private async own(principal: Principal, id: string): Promise<LoanApplication> {
    const application = await this.deps.applications.find(id, this.applicant(principal));
    if (!application) throw notFound('loan application');
    return application;
  }

  private async ownLoan(principal: Principal, loanId: string): Promise<Loan> {
    const loan = await this.deps.loans.find({ kind: 'applicant', subjectId: this.applicant(principal) }, loanId);
    if (!loan) throw notFound('loan');
    return loan;
  }

  /** The applicant's own application, or one offered to the caller's bank (drafts never). */
  private async readable(principal: Principal, id: string): Promise<LoanApplication> {
    if (principal.subjectId) return this.own(principal, id);
    const application = await this.deps.applications.find(id);
    const mayRead = application && application.state !== 'DRAFT' && (
      (principal.institutionId && application.bankIds.includes(principal.institutionId) && (can(principal, 'loans.review') || can(principal, 'loans.approve')))
      || can(principal, 'tenants.all.read'));
    if (!application || !mayRead) throw notFound('loan application');
    return application;
  }

  private async documentRefs(principal: Principal, ids: string[]): Promise<DocumentRef[]> {
    const metas = await this.deps.documents.requireOwned(principal, ids, 'documentIds');
    return metas.map((m) => ({ id: m.id, filename: m.filename, sha256: m.sha256 }));
  }
}
