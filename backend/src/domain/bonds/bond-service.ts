// Green bonds: the issuer's framework and projects, the external review, registration and issue,
// the proceeds ledger (maker proposes, checker approves; never above proceeds), maturity, cancellation
// and delabelling. Every state change goes through BondWorkflow (one table, compare-and-set, audit).
import { randomUUID } from 'node:crypto';
import { Types } from 'mongoose';
import { addMonths, aggregateImpact, allocationSummary, BondInputError, findTaxonomyEntry, isEligibleUse, lookbackEligible, type AllocationSummary } from '@eco/scoring';
import type { BondRepository } from '../../db/bonds/bond.repository.js';
import type { Bond, BondAllocation, BondFramework, BondProject, BondScope, BondTerms, LinkedLoan } from '../../db/bonds/bond.types.js';
import type { InstitutionRepository } from '../../db/institutions/institution.repository.js';
import type { LoanRepository } from '../../db/loans/loan.repository.js';
import type { Loan } from '../../db/loans/loan.types.js';
import type { Page, PageRequest } from '../../db/page.js';
import type { SubjectRepository } from '../../db/subjects/subject.repository.js';
import type { Clock } from '../clock.js';
import type { DocumentService } from '../documents/document-service.js';
import { AppError, forbidden, notFound } from '../errors/index.js';
import { can, type Actor, type Principal } from '../identity/principal.js';
import { allocatableStates, allowedBondActions, bondStateMachine, outstandingStates, type BondState, type ReviewType } from './bond-state-machine.js';
import { bondScopeOf, invalidBondTransition, userRef, type BondWorkflow, type Caller } from './bond-workflow.js';

export interface ProjectInput {
  id?: string | undefined;
  name: string;
  taxonomyCode: string;
  prefecture: string;
  totalInvestmentFen: number;
  expectedBenefits: Record<string, number>;
}

export interface FrameworkInput {
  name: string;
  framework: BondFramework;
  projects: ProjectInput[];
}

export interface ReviewInput {
  type: ReviewType;
  opinion: string;
  conclusion: 'aligned' | 'aligned_with_recommendations';
  documentId: string;
}

export interface AllocationInput {
  projectId: string;
  amountFen: number;
  expenditureDate: string;
  note: string;
}

/** The expected annual benefits of the linked loans: per taxonomy category and in total (exact sums, scoring: aggregateImpact). */
export interface LoanRollup {
  loans: number;
  amountFen: number;
  byCategory: { taxonomyCode: string; category: string; icmaCategory: string; pbocLoanUse: string; loans: number; amountFen: number }[];
  impactTotals: Record<string, number>;
}

export type BondView = Bond & { issuerKind: 'enterprise' | 'bank'; ledger: AllocationSummary; loanRollup: LoanRollup; allowedActions: string[]; issuerName: string; reviewerName: string | null };

export interface LinkLoanInput {
  loanId: string;
  /** Expected annual benefits of the loan's project, keyed by the measures of the loan's taxonomy code. */
  expectedBenefits: Record<string, number>;
}

/** A bank's loan that can be linked to its green financial bond. */
export interface EligibleLoan {
  id: string;
  subjectId: string;
  purpose: string;
  amountFen: number;
  taxonomyCode: string;
  category: string;
  icmaCategory: string;
  measures: { code: string; zh: string; en: string; unit: string }[];
  disbursedAt: Date | null;
}

/** How long a loan's link mark may wait for its bond update before the recovery run clears it. */
const linkMarkGraceMs = 5 * 60_000;
/** States of a loan that may be linked to a green financial bond. */
const linkableLoanStates = ['ACTIVE'];

/** The platform acting on its own (the eligibility re-check). */
export const bondSystemActor: Actor = { requestId: 'bond-workflow' };

export class BondService {
  constructor(
    private readonly deps: {
      bonds: BondRepository;
      workflow: BondWorkflow;
      documents: DocumentService;
      institutions: InstitutionRepository;
      subjects: SubjectRepository;
      loans: LoanRepository;
      clock: Clock;
    },
  ) {}

  // ---- reading ----

  async list(principal: Principal, states: readonly string[] | undefined, page: PageRequest): Promise<Page<BondView>> {
    const result = await this.deps.bonds.list(bondScopeOf(principal), states, page);
    return { items: await Promise.all(result.items.map((b) => this.view(b))), total: result.total };
  }

  async get(principal: Principal, id: string): Promise<BondView> {
    return this.view(await this.deps.workflow.visible(principal, id));
  }

  /** External reviewer institutions an issuer can ask for a review. */
  async reviewers(): Promise<{ id: string; name: string; nameEn: string | null }[]> {
    const page = await this.deps.institutions.list({ all: true }, { limit: 200, offset: 0 }, 'external_reviewer');
    return page.items.map((i) => ({ id: i.id, name: i.name, nameEn: i.nameEn ?? null }));
  }

  async view(bond: Bond): Promise<BondView> {
    const [issuer, reviewer] = await Promise.all([
      bond.issuerSubjectId ? this.deps.subjects.findByIdUnscoped(bond.issuerSubjectId) : this.deps.institutions.findByIdUnscoped(bond.issuerInstitutionId!),
      bond.reviewerInstitutionId ? this.deps.institutions.findByIdUnscoped(bond.reviewerInstitutionId) : undefined,
    ]);
    const bank = isBankBond(bond);
    const normalised: Bond = { ...bond, issuerSubjectId: bond.issuerSubjectId ?? null, issuerInstitutionId: bond.issuerInstitutionId ?? null, linkedLoans: bond.linkedLoans ?? [] };
    return {
      ...normalised, issuerKind: bank ? 'bank' : 'enterprise', ledger: ledgerOf(normalised), loanRollup: loanRollupOf(normalised), allowedActions: allowedBondActions(bond.state, bank),
      issuerName: issuer?.name ?? bond.issuerSubjectId ?? bond.issuerInstitutionId ?? '', reviewerName: reviewer?.name ?? null,
    };
  }

  // ---- issuer: framework ----

  async create(actor: Caller, input: FrameworkInput): Promise<BondView> {
    if (!can(actor.principal, 'bonds.issue')) throw forbidden('bonds.issue');
    const issuer = await this.issuerOf(actor.principal);
    const { bond, created } = await this.deps.bonds.insertDraft({
      ...issuer, name: input.name, framework: input.framework, projects: projectsOf(input.projects, []),
      createdBy: actor.principal.userId, idempotencyKey: actor.idempotencyKey, stateSince: this.deps.clock.now(),
    });
    if (created) await this.deps.workflow.audit(actor, 'bond.create', null, bond);
    return this.view(bond);
  }

  /** Replaces the framework, name and projects while the framework is a draft (compare-and-set on DRAFT_FRAMEWORK). */
  async updateFramework(actor: Caller, id: string, input: FrameworkInput): Promise<BondView> {
    if (!can(actor.principal, 'bonds.issue')) throw forbidden('bonds.issue');
    const scope = bondScopeOf(actor.principal);
    const bond = await this.deps.workflow.visible(actor.principal, id);
    if (bond.state !== 'DRAFT_FRAMEWORK') {
      throw new AppError('BOND_INVALID_TRANSITION', `cannot edit the framework of a bond that is ${bond.state} (allowed from DRAFT_FRAMEWORK)`, { details: { currentState: bond.state, allowed: ['DRAFT_FRAMEWORK'], action: 'editFramework' } });
    }
    const set = { name: input.name, framework: input.framework, projects: projectsOf(input.projects, bond.projects) };
    const after = await this.deps.bonds.transition(scope, id, ['DRAFT_FRAMEWORK'], set, null);
    if (!after) throw invalidBondTransition('submitForReview', (await this.deps.workflow.visible(actor.principal, id)).state);
    await this.deps.workflow.audit(actor, 'bond.editFramework', bond, after);
    return this.view(after);
  }

  /** DRAFT_FRAMEWORK → EXTERNAL_REVIEW_PENDING with the reviewer institution asked for. */
  async submitForReview(actor: Caller, id: string, reviewerInstitutionId: string): Promise<BondView> {
    this.deps.workflow.authorise(actor, 'submitForReview');
    const bond = await this.deps.workflow.visible(actor.principal, id);
    if (bond.state === 'DRAFT_FRAMEWORK') {
      checkFrameworkComplete(bond);
      const reviewer = await this.deps.institutions.findByIdUnscoped(reviewerInstitutionId);
      if (!reviewer || reviewer.type !== 'external_reviewer') throw new AppError('VALIDATION_FAILED', 'no external reviewer institution has this id', { field: 'reviewerInstitutionId' });
      const issuer = bond.issuerSubjectId ? await this.deps.subjects.findByIdUnscoped(bond.issuerSubjectId) : await this.deps.institutions.findByIdUnscoped(bond.issuerInstitutionId!);
      if (reviewer.id === bond.issuerInstitutionId || (issuer && issuer.code === reviewer.code)) throw new AppError('BOND_SELF_REVIEW', 'the issuer cannot review itself: the reviewer institution is the issuing entity', { details: { code: reviewer.code } });
    }
    return this.view(await this.deps.workflow.move(actor, bondScopeOf(actor.principal), bond, 'submitForReview', { set: { reviewerInstitutionId } }));
  }

  /** REVIEWED → REGISTERED with the issuance terms and the registration number. */
  async register(actor: Caller, id: string, terms: BondTerms): Promise<BondView> {
    const bond = await this.deps.workflow.visible(actor.principal, id);
    return this.view(await this.deps.workflow.move(actor, bondScopeOf(actor.principal), bond, 'register', { set: { terms } }));
  }

  /** REGISTERED → ISSUED: proceeds are the registered amount; maturity is the issue date plus the tenor. */
  async issue(actor: Caller, id: string, issueDate: string): Promise<BondView> {
    const bond = await this.deps.workflow.visible(actor.principal, id);
    const terms = bond.terms;
    const set = terms ? { issueDate, maturityDate: addMonths(issueDate, terms.tenorMonths), proceedsFen: terms.amountFen, committedFen: 0, allocatedFen: 0 } : {};
    return this.view(await this.deps.workflow.move(actor, bondScopeOf(actor.principal), bond, 'issue', { set }));
  }

  async cancel(actor: Caller, id: string, reason: string): Promise<BondView> {
    const bond = await this.deps.workflow.visible(actor.principal, id);
    return this.view(await this.deps.workflow.move(actor, bondScopeOf(actor.principal), bond, 'cancel', { reason }));
  }

  async mature(actor: Caller, id: string): Promise<BondView> {
    const bond = await this.deps.workflow.visible(actor.principal, id);
    const today = this.deps.clock.now().toISOString().slice(0, 10);
    if (bondStateMachine.mature.from.includes(bond.state) && (!bond.maturityDate || today < bond.maturityDate)) {
      throw new AppError('BOND_CHECK_FAILED', `the bond matures on ${bond.maturityDate ?? '—'}`, { details: { check: 'maturity_reached', maturityDate: bond.maturityDate } });
    }
    return this.view(await this.deps.workflow.move(actor, bondScopeOf(actor.principal), bond, 'mature'));
  }

  // ---- external reviewer ----

  private async reviewerChecks(actor: Caller, bond: Bond): Promise<void> {
    const issuerUser = (!!bond.issuerSubjectId && actor.principal.subjectId === bond.issuerSubjectId) || (!!bond.issuerInstitutionId && actor.principal.institutionId === bond.issuerInstitutionId);
    if (issuerUser || actor.principal.userId === bond.createdBy) {
      throw new AppError('BOND_SELF_REVIEW', 'the issuer cannot review its own bond');
    }
    if (bond.reviewerInstitutionId !== actor.principal.institutionId) throw notFound('bond');
  }

  /** EXTERNAL_REVIEW_PENDING → REVIEWED with the opinion and the report document's SHA-256. */
  async review(actor: Caller, id: string, input: ReviewInput): Promise<BondView> {
    this.deps.workflow.authorise(actor, 'review');
    const bond = await this.deps.workflow.visible(actor.principal, id);
    await this.reviewerChecks(actor, bond);
    let review: Record<string, unknown> | null = null;
    if (bond.state === 'EXTERNAL_REVIEW_PENDING') {
      const [document] = await this.deps.documents.requireOwned(actor.principal, [input.documentId], 'documentId');
      review = {
        institutionId: actor.principal.institutionId, type: input.type, opinion: input.opinion, conclusion: input.conclusion,
        document: { id: document!.id, filename: document!.filename, sha256: document!.sha256 }, by: userRef(actor.principal), at: this.deps.clock.now(),
      };
    }
    return this.view(await this.deps.workflow.move(actor, bondScopeOf(actor.principal), bond, 'review', { set: review ? { review } : {} }));
  }

  /** EXTERNAL_REVIEW_PENDING → DRAFT_FRAMEWORK: the reviewer asks the issuer to change the framework. */
  async requestChanges(actor: Caller, id: string, reason: string): Promise<BondView> {
    this.deps.workflow.authorise(actor, 'requestChanges');
    const bond = await this.deps.workflow.visible(actor.principal, id);
    await this.reviewerChecks(actor, bond);
    return this.view(await this.deps.workflow.move(actor, bondScopeOf(actor.principal), bond, 'requestChanges', { reason }));
  }

  /**
   * A project found ineligible (by the assigned reviewer): the project is marked in the same update
   * and, when it has received proceeds of an outstanding bond, the bond is DELABELLED.
   */
  async markProjectIneligible(actor: Caller, id: string, projectId: string, reason: string): Promise<BondView> {
    this.deps.workflow.authorise(actor, 'delabel');
    const bond = await this.deps.workflow.visible(actor.principal, id);
    await this.reviewerChecks(actor, bond);
    return this.view(await this.ineligible(actor, bondScopeOf(actor.principal), bond, projectId, reason));
  }

  /** Re-checks every outstanding bond's financed projects against the taxonomy (a taxonomy revision); delabels those no longer eligible. */
  async recheckEligibility(): Promise<{ delabelled: string[] }> {
    const delabelled: string[] = [];
    for (const bond of await this.deps.bonds.listAll(outstandingStates)) {
      const project = bond.projects.find((p) => p.eligible && !isEligibleUse(p.taxonomyCode) && financed(bond, p.id));
      if (!project) continue;
      await this.ineligible(bondSystemActor, { kind: 'all' }, bond, project.id, `taxonomy entry ${project.taxonomyCode} is no longer eligible`);
      delabelled.push(bond.id);
    }
    return { delabelled };
  }

  private async ineligible(actor: Actor, scope: BondScope, bond: Bond, projectId: string, reason: string): Promise<Bond> {
    const index = bond.projects.findIndex((p) => p.id === projectId);
    if (index < 0) throw new AppError('VALIDATION_FAILED', 'the bond has no project with this id', { field: 'projectId' });
    const projectSet = { [`projects.${index}.eligible`]: false, [`projects.${index}.ineligibleReason`]: reason };
    if (financed(bond, projectId) && bondStateMachine.delabel.from.includes(bond.state)) {
      const delabelling = { projectId, reason, by: actor.principal ? userRef(actor.principal) : null, at: this.deps.clock.now() };
      return this.deps.workflow.move(actor, scope, bond, 'delabel', { set: { ...projectSet, delabelling }, reason, expected: { [`projects.${index}.id`]: projectId } });
    }
    if (bond.state === 'DELABELLED' || bond.state === 'CANCELLED' || bond.state === 'MATURED') throw invalidBondTransition('delabel', bond.state);
    const after = await this.deps.bonds.transition(scope, bond.id, [bond.state], projectSet, this.deps.workflow.history(actor, 'markIneligible', bond.state, bond.state, reason), { [`projects.${index}.id`]: projectId });
    if (!after) throw invalidBondTransition('delabel', (await this.deps.bonds.find(scope, bond.id))?.state ?? bond.state);
    await this.deps.workflow.audit(actor, 'bond.markIneligible', bond, after);
    return after;
  }

  /** The issuer of a new bond: the caller's enterprise, or the caller's bank (a green financial bond). */
  private async issuerOf(principal: Principal): Promise<{ issuerSubjectId: string | null; issuerInstitutionId: string | null }> {
    if (principal.subjectId) return { issuerSubjectId: principal.subjectId, issuerInstitutionId: null };
    const institution = principal.institutionId ? await this.deps.institutions.findByIdUnscoped(principal.institutionId) : undefined;
    if (!institution || institution.type !== 'bank') throw new AppError('FORBIDDEN', 'only an issuing enterprise’s users and a bank’s staff issue bonds');
    return { issuerSubjectId: null, issuerInstitutionId: institution.id };
  }

  // ---- a bank's green financial bond: its own green loans ----

  private bankBond(bond: Bond, action: 'linkLoan' | 'unlinkLoan'): string {
    if (!bond.issuerInstitutionId) {
      throw new AppError('BOND_CHECK_FAILED', 'loans are linked only to a bank’s green financial bond', { details: { check: 'bank_issuer', action } });
    }
    return bond.issuerInstitutionId;
  }

  /** The issuing bank's ACTIVE loans with an eligible green taxonomy code that no bond finances yet. */
  async eligibleLoans(principal: Principal, id: string): Promise<EligibleLoan[]> {
    const bond = await this.deps.workflow.visible(principal, id);
    const institutionId = this.bankBond(bond, 'linkLoan');
    const page = await this.deps.loans.list({ kind: 'bank', institutionId }, { states: linkableLoanStates }, { limit: 500, offset: 0 });
    return page.items.filter((l) => !l.greenBondId && isEligibleUse(l.taxonomyCode)).map((l) => {
      const entry = findTaxonomyEntry(l.taxonomyCode)!;
      return {
        id: l.id, subjectId: l.subjectId, purpose: l.purpose, amountFen: l.amountFen, taxonomyCode: l.taxonomyCode, category: entry.category.zh, icmaCategory: entry.icmaCategory.code,
        measures: entry.measures.map((m) => ({ code: m.code, zh: m.zh, en: m.en, unit: m.unit })), disbursedAt: l.disbursedAt,
      };
    });
  }

  /**
   * Links one of the bank's ACTIVE green loans to its issued bond: the loan is marked first (greenBondId
   * set by compare-and-set from null: a loan is linked to one bond at a time), then ONE conditional
   * update of the bond adds the loan's amount to the ledger, never beyond the proceeds. A refused bond
   * update clears the loan's mark (only the mark this attempt made).
   */
  async linkLoan(actor: Caller, id: string, input: LinkLoanInput): Promise<BondView> {
    this.deps.workflow.authorise(actor, 'linkLoan');
    const scope = bondScopeOf(actor.principal);
    for (const action of ['linkLoan', 'linkLoanCompleting'] as const) {
      const replay = await this.deps.workflow.replay(actor, scope, id, action);
      if (replay) return this.view(replay);
    }
    let bond = await this.deps.workflow.visible(actor.principal, id);
    const institutionId = this.bankBond(bond, 'linkLoan');
    if (!bondStateMachine.linkLoan.from.includes(bond.state)) throw invalidBondTransition('linkLoan', bond.state);
    const loan = await this.deps.loans.find({ kind: 'bank', institutionId }, input.loanId);
    if (!loan) throw new AppError('VALIDATION_FAILED', 'the issuing bank has no loan with this id', { field: 'loanId' });
    if (loan.greenBondId) throw alreadyLinked(loan.greenBondId);
    const link = this.linkOf(actor, loan, input);
    if (bond.committedFen > bond.proceedsFen - link.amountFen) throw overAllocation(bond, link.amountFen);
    const attemptId = randomUUID();
    const marked = await this.deps.loans.update(loan.id, { institutionId, state: { $in: linkableLoanStates }, greenBondId: null }, { $set: { greenBondId: bond.id, greenBondLink: { bondId: bond.id, attemptId, at: this.deps.clock.now() } } });
    if (!marked) {
      const now = await this.deps.loans.find({ kind: 'bank', institutionId }, loan.id);
      if (now?.greenBondId) throw alreadyLinked(now.greenBondId);
      throw loanNotLinkable(now ?? loan);
    }
    try {
      for (let attempt = 0; attempt < 10; attempt++) {
        if (!bondStateMachine.linkLoan.from.includes(bond.state)) throw invalidBondTransition('linkLoan', bond.state);
        if (bond.committedFen > bond.proceedsFen - link.amountFen) throw overAllocation(bond, link.amountFen);
        const action = bond.allocatedFen + link.amountFen === bond.proceedsFen ? 'linkLoanCompleting' : 'linkLoan';
        const to = bondStateMachine[action].to;
        const history = this.deps.workflow.history(actor, action, bond.state, to, `${loan.purpose} (${loan.id})`);
        const after = await this.deps.bonds.linkLoan(scope, bond.id, [bond.state], bond.proceedsFen, bond.allocatedFen, link, { state: to, stateSince: bond.state === to ? bond.stateSince : this.deps.clock.now() }, history);
        if (after) {
          await this.deps.workflow.audit(actor, `bond.${action}`, bond, after);
          return this.view(after);
        }
        // The ledger moved (another link or approval) or the bond left an allocatable state: re-read and re-derive.
        bond = await this.deps.workflow.visible(actor.principal, id);
        if (bond.linkedLoans.some((l) => l.loanId === loan.id)) return this.view(bond);
      }
      throw new AppError('BOND_CHECK_FAILED', 'the loan could not be linked: the ledger kept changing, try again', { details: { check: 'within_proceeds' } });
    } catch (e) {
      await this.deps.loans.update(loan.id, { greenBondId: bond.id, 'greenBondLink.attemptId': attemptId }, { $set: { greenBondId: null, greenBondLink: null } });
      throw e;
    }
  }

  private linkOf(actor: Caller, loan: Loan, input: LinkLoanInput): LinkedLoan {
    if (!linkableLoanStates.includes(loan.state)) throw loanNotLinkable(loan);
    const entry = findTaxonomyEntry(loan.taxonomyCode);
    if (!entry || !isEligibleUse(loan.taxonomyCode)) {
      throw new AppError('BOND_CHECK_FAILED', `the loan's use ${loan.taxonomyCode} is not an eligible green category`, { field: 'loanId', details: { check: 'loan_eligible', taxonomyCode: loan.taxonomyCode } });
    }
    const allowed = new Set(entry.measures.map((m) => m.code));
    for (const measure of Object.keys(input.expectedBenefits)) {
      if (!allowed.has(measure)) throw new AppError('VALIDATION_FAILED', `${measure} is not a benefit measure of ${loan.taxonomyCode}`, { field: `expectedBenefits.${measure}` });
    }
    try {
      aggregateImpact([{ projectId: loan.id, measures: input.expectedBenefits }]);
    } catch (e) {
      if (e instanceof BondInputError) throw new AppError('VALIDATION_FAILED', e.message, { field: 'expectedBenefits' });
      throw e;
    }
    return {
      loanId: loan.id, borrowerSubjectId: loan.subjectId, purpose: loan.purpose, amountFen: loan.amountFen, taxonomyCode: loan.taxonomyCode,
      category: entry.category.zh, icmaCategory: entry.icmaCategory.code, pbocLoanUse: entry.pbocLoanUse.code, expectedBenefits: input.expectedBenefits,
      linkedBy: userRef(actor.principal), linkedAt: this.deps.clock.now(),
    };
  }

  /** Unlinks a loan: ONE update of the bond gives its amount back to the unallocated proceeds (ALLOCATING), then the loan's mark is cleared. */
  async unlinkLoan(actor: Caller, id: string, loanId: string, reason: string): Promise<BondView> {
    this.deps.workflow.authorise(actor, 'unlinkLoan');
    const scope = bondScopeOf(actor.principal);
    const replay = await this.deps.workflow.replay(actor, scope, id, 'unlinkLoan');
    if (replay) return this.view(replay);
    const bond = await this.deps.workflow.visible(actor.principal, id);
    this.bankBond(bond, 'unlinkLoan');
    const link = bond.linkedLoans.find((l) => l.loanId === loanId);
    if (!link) throw new AppError('BOND_CHECK_FAILED', 'the loan is not linked to this bond', { field: 'loanId', details: { check: 'loan_linked' } });
    if (!bondStateMachine.unlinkLoan.from.includes(bond.state)) throw invalidBondTransition('unlinkLoan', bond.state);
    const to = bondStateMachine.unlinkLoan.to;
    const history = this.deps.workflow.history(actor, 'unlinkLoan', bond.state, to, `${link.purpose} (${loanId}): ${reason}`);
    const after = await this.deps.bonds.unlinkLoan(scope, bond.id, bondStateMachine.unlinkLoan.from, link, { state: to, stateSince: bond.state === to ? bond.stateSince : this.deps.clock.now() }, history);
    if (!after) {
      const current = await this.deps.workflow.visible(actor.principal, id);
      if (!current.linkedLoans.some((l) => l.loanId === loanId)) throw new AppError('BOND_CHECK_FAILED', 'the loan is not linked to this bond', { field: 'loanId', details: { check: 'loan_linked' } });
      throw invalidBondTransition('unlinkLoan', current.state);
    }
    await this.deps.loans.update(loanId, { greenBondId: bond.id }, { $set: { greenBondId: null, greenBondLink: null } });
    await this.deps.workflow.audit(actor, 'bond.unlinkLoan', bond, after);
    return this.view(after);
  }

  /**
   * The recovery run of loan links: a loan marked for a bond that does not list it (a crash between the
   * loan's mark and the bond's update, or between an unlink and the mark's clearing) is cleared once
   * the mark is older than the grace period.
   */
  async recoverLoanLinks(): Promise<string[]> {
    const cleared: string[] = [];
    const cutoff = this.deps.clock.now().getTime() - linkMarkGraceMs;
    for (const loan of await this.deps.loans.listLinkedToBonds()) {
      const bond = await this.deps.bonds.find({ kind: 'all' }, loan.greenBondId!);
      if (bond?.linkedLoans?.some((l) => l.loanId === loan.id)) continue;
      if (loan.greenBondLink && new Date(loan.greenBondLink.at).getTime() > cutoff) continue;
      if (await this.deps.loans.update(loan.id, { greenBondId: loan.greenBondId }, { $set: { greenBondId: null, greenBondLink: null } })) cleared.push(loan.id);
    }
    return cleared;
  }

  // ---- proceeds ledger ----

  /**
   * The maker proposes an allocation of proceeds to an eligible project. One conditional update of the
   * bond reserves the amount (committedFen ≤ proceedsFen − amount), so no combination of proposals can
   * ever exceed the proceeds.
   */
  async proposeAllocation(actor: Caller, id: string, input: AllocationInput): Promise<BondView> {
    if (!can(actor.principal, 'bonds.issue')) throw forbidden('bonds.issue');
    const scope = bondScopeOf(actor.principal);
    if (actor.idempotencyKey) {
      const replay = await this.deps.bonds.findByAllocationKey(scope, id, actor.idempotencyKey);
      if (replay) return this.view(replay);
    }
    const bond = await this.deps.workflow.visible(actor.principal, id);
    if (!allocatableStates.includes(bond.state as (typeof allocatableStates)[number])) {
      throw new AppError('BOND_INVALID_TRANSITION', `cannot allocate proceeds of a bond that is ${bond.state} (allowed from ${allocatableStates.join(', ')})`, { details: { currentState: bond.state, allowed: [...allocatableStates], action: 'proposeAllocation' } });
    }
    const project = bond.projects.find((p) => p.id === input.projectId);
    if (!project) throw new AppError('VALIDATION_FAILED', 'the bond has no project with this id', { field: 'projectId' });
    if (!project.eligible || !isEligibleUse(project.taxonomyCode)) throw new AppError('BOND_PROJECT_INELIGIBLE', `project ${project.name} is not eligible (${project.taxonomyCode})`, { field: 'projectId' });
    const lookback = lookbackEligible(input.expenditureDate, bond.issueDate!, bond.framework.lookbackMonths);
    if (!lookback.eligible) {
      throw new AppError('BOND_CHECK_FAILED', `expenditure of ${input.expenditureDate} is before the look-back (earliest ${lookback.earliestDate})`, { field: 'expenditureDate', details: { check: 'lookback', earliestDate: lookback.earliestDate } });
    }
    const allocation: BondAllocation = {
      id: new Types.ObjectId().toHexString(), projectId: project.id, amountFen: input.amountFen, expenditureDate: input.expenditureDate, refinancing: lookback.refinancing,
      state: 'PENDING', maker: userRef(actor.principal), checker: null, note: input.note, proposedAt: this.deps.clock.now(), decidedAt: null, idempotencyKey: actor.idempotencyKey ?? null,
    };
    const after = await this.deps.bonds.proposeAllocation(scope, id, allocatableStates, bond.proceedsFen, allocation);
    if (!after) {
      if (actor.idempotencyKey) {
        const replay = await this.deps.bonds.findByAllocationKey(scope, id, actor.idempotencyKey);
        if (replay) return this.view(replay);
      }
      const current = (await this.deps.bonds.find(scope, id))!;
      if (!allocatableStates.includes(current.state as (typeof allocatableStates)[number])) throw invalidBondTransition('allocate', current.state);
      const available = current.proceedsFen - current.committedFen;
      throw new AppError('BOND_OVER_ALLOCATION', `allocation of ${input.amountFen} fen exceeds the proceeds not yet allocated or proposed (${available} fen)`, {
        field: 'amountFen', details: { proceedsFen: current.proceedsFen, committedFen: current.committedFen, availableFen: available },
      });
    }
    await this.deps.workflow.audit(actor, 'bond.proposeAllocation', bond, after);
    return this.view(after);
  }

  /** The checker approves a pending allocation (checker ≠ maker); the bond moves to ALLOCATING or, with the last fen, FULLY_ALLOCATED. */
  async approveAllocation(actor: Caller, id: string, allocationId: string): Promise<BondView> {
    return this.decide(actor, id, allocationId, 'APPROVED');
  }

  /** The checker rejects a pending allocation: its amount is released (committedFen goes down). */
  async rejectAllocation(actor: Caller, id: string, allocationId: string): Promise<BondView> {
    return this.decide(actor, id, allocationId, 'REJECTED');
  }

  private async decide(actor: Caller, id: string, allocationId: string, decision: 'APPROVED' | 'REJECTED'): Promise<BondView> {
    this.deps.workflow.authorise(actor, 'allocate');
    const scope = bondScopeOf(actor.principal);
    for (let attempt = 0; attempt < 5; attempt++) {
      const bond = await this.deps.workflow.visible(actor.principal, id);
      const index = bond.allocations.findIndex((a) => a.id === allocationId);
      const allocation = bond.allocations[index];
      if (!allocation) throw notFound('allocation');
      if (allocation.state !== 'PENDING') {
        if (allocation.checker?.userId === actor.principal.userId && allocation.state === decision) return this.view(bond);
        throw new AppError('BOND_CHECK_FAILED', `the allocation is already ${allocation.state}`, { details: { check: 'allocation_pending', allocationState: allocation.state } });
      }
      if (!allocatableStates.includes(bond.state as (typeof allocatableStates)[number])) throw invalidBondTransition('allocate', bond.state);
      if (allocation.maker.userId === actor.principal.userId) throw new AppError('BOND_MAKER_CHECKER', 'the allocation must be approved by a checker other than the user who proposed it');
      const now = this.deps.clock.now();
      const decided = { [`allocations.${index}.state`]: decision, [`allocations.${index}.checker`]: userRef(actor.principal), [`allocations.${index}.decidedAt`]: now };
      let after: Bond | undefined;
      if (decision === 'REJECTED') {
        after = await this.deps.bonds.decideAllocation(scope, id, allocationId, [bond.state], decided, { committedFen: -allocation.amountFen }, this.deps.workflow.history(actor, 'rejectAllocation', bond.state, bond.state));
      } else {
        const allocatedFen = bond.allocatedFen + allocation.amountFen;
        const action = allocatedFen === bond.proceedsFen ? 'completeAllocation' : 'allocate';
        const to: BondState = bondStateMachine[action].to;
        const history = this.deps.workflow.history(actor, action, bond.state, to);
        after = await this.deps.bonds.decideAllocation(scope, id, allocationId, [bond.state], { ...decided, state: to, stateSince: bond.state === to ? bond.stateSince : now }, { allocatedFen: allocation.amountFen }, history, { allocatedFen: bond.allocatedFen });
        // Guarded by the allocatedFen read: a concurrent approval makes this one re-read and re-derive the completion.
      }
      if (after) {
        await this.deps.workflow.audit(actor, decision === 'APPROVED' ? 'bond.approveAllocation' : 'bond.rejectAllocation', bond, after);
        return this.view(after);
      }
    }
    throw new AppError('BOND_CHECK_FAILED', 'the allocation could not be decided: the ledger kept changing, try again');
  }
}

/** The ledger line of a linked loan (byProject: `loan:<loanId>`). */
export const loanLineId = (loanId: string): string => `loan:${loanId}`;

/** The proceeds ledger of approved allocations and linked loans. */
export function ledgerOf(bond: Bond): AllocationSummary {
  const projects = bond.allocations.filter((a) => a.state === 'APPROVED').map((a) => ({ projectId: a.projectId, amountFen: a.amountFen, refinancing: a.refinancing }));
  const loans = (bond.linkedLoans ?? []).map((l) => ({ projectId: loanLineId(l.loanId), amountFen: l.amountFen, refinancing: false }));
  return allocationSummary(bond.proceedsFen, [...projects, ...loans]);
}

/** The linked loans by taxonomy category, and the sum of their expected annual benefits. */
export function loanRollupOf(bond: Bond): LoanRollup {
  const links = bond.linkedLoans ?? [];
  const byCategory = new Map<string, LoanRollup['byCategory'][number]>();
  for (const l of links) {
    const row = byCategory.get(l.taxonomyCode) ?? { taxonomyCode: l.taxonomyCode, category: l.category, icmaCategory: l.icmaCategory, pbocLoanUse: l.pbocLoanUse, loans: 0, amountFen: 0 };
    byCategory.set(l.taxonomyCode, { ...row, loans: row.loans + 1, amountFen: row.amountFen + l.amountFen });
  }
  return {
    loans: links.length,
    amountFen: links.reduce((sum, l) => sum + l.amountFen, 0),
    byCategory: [...byCategory.values()].sort((a, b) => a.taxonomyCode.localeCompare(b.taxonomyCode)),
    impactTotals: aggregateImpact(links.map((l) => ({ projectId: loanLineId(l.loanId), measures: l.expectedBenefits }))).totals,
  };
}

function isBankBond(bond: Pick<Bond, 'issuerInstitutionId'>): boolean {
  return !!bond.issuerInstitutionId;
}

function financed(bond: Bond, projectId: string): boolean {
  return bond.allocations.some((a) => a.projectId === projectId && a.state === 'APPROVED');
}

function alreadyLinked(greenBondId: string): AppError {
  return new AppError('BOND_CHECK_FAILED', 'the loan is already linked to a green financial bond (one bond at a time)', { field: 'loanId', details: { check: 'loan_not_linked', greenBondId } });
}

function loanNotLinkable(loan: Loan): AppError {
  return new AppError('BOND_CHECK_FAILED', `only ACTIVE loans are linked; this loan is ${loan.state}`, { field: 'loanId', details: { check: 'loan_eligible', loanState: loan.state } });
}

function overAllocation(bond: Bond, amountFen: number): AppError {
  const available = bond.proceedsFen - bond.committedFen;
  return new AppError('BOND_OVER_ALLOCATION', `the loan's ${amountFen} fen exceed the proceeds not yet allocated or proposed (${available} fen)`, {
    field: 'loanId', details: { proceedsFen: bond.proceedsFen, committedFen: bond.committedFen, availableFen: available, loanAmountFen: amountFen },
  });
}

function projectsOf(input: ProjectInput[], existing: BondProject[]): BondProject[] {
  return input.map((p, index) => {
    const entry = findTaxonomyEntry(p.taxonomyCode);
    if (!entry) throw new AppError('VALIDATION_FAILED', `unknown taxonomy code ${p.taxonomyCode}`, { field: `projects.${index}.taxonomyCode` });
    const allowed = new Set(entry.measures.map((m) => m.code));
    for (const measure of Object.keys(p.expectedBenefits)) {
      if (!allowed.has(measure)) throw new AppError('VALIDATION_FAILED', `${measure} is not a benefit measure of ${p.taxonomyCode}`, { field: `projects.${index}.expectedBenefits.${measure}` });
    }
    const id = p.id && existing.some((e) => e.id === p.id) ? p.id : new Types.ObjectId().toHexString();
    return { id, name: p.name, taxonomyCode: p.taxonomyCode, eligible: entry.eligible, ineligibleReason: entry.eligible ? null : 'excluded by the green taxonomy', prefecture: p.prefecture, totalInvestmentFen: p.totalInvestmentFen, expectedBenefits: p.expectedBenefits };
  });
}

function checkFrameworkComplete(bond: Bond): void {
  const f = bond.framework;
  const missing = (['useOfProceeds', 'projectEvaluation', 'managementOfProceeds', 'reporting'] as const).filter((k) => !f[k]?.trim());
  if (missing.length || !f.standards.length) {
    throw new AppError('BOND_CHECK_FAILED', `the framework is incomplete: ${[...missing, ...(f.standards.length ? [] : ['standards'])].join(', ')}`, { details: { check: 'framework_complete', missing } });
  }
  // A bank's green financial bond may finance only its green loans (linked after issue): it need not name projects.
  if (!bond.projects.length && !isBankBond(bond)) throw new AppError('BOND_CHECK_FAILED', 'the framework names no project', { details: { check: 'projects_eligible' } });
  const ineligible = bond.projects.filter((p) => !p.eligible);
  if (ineligible.length) {
    throw new AppError('BOND_PROJECT_INELIGIBLE', `100 % of proceeds must go to eligible projects: ${ineligible.map((p) => `${p.name} (${p.taxonomyCode})`).join(', ')} not eligible`, { details: { check: 'projects_eligible', projects: ineligible.map((p) => p.id) } });
  }
}
