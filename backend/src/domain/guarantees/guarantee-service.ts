// The guarantor's side of a bank loan: the bank's request, due diligence, the officer's
// recommendation (risk shares, fee within the cap, capacity), the committee's decision (maker ≠
// checker, approval tiers), the counter-guarantee and the letter (which confirms the loan's
// guarantee: intent first, finished by the recovery job after a crash), the bank's confirmation of
// disbursement and the release when the loan closes.
import {
  checkCapacity, checkFeeCap, claimTimeline, checkRiskShares, feeRateAfterGrade, guaranteeApprovalTier, guaranteeFee, portfolioAverageFee,
  type GuaranteeRules, type RiskShares,
} from '@eco/scoring';
import type { GuaranteeRepository, GuarantorProfileRepository } from '../../db/guarantees/guarantee.repository.js';
import type { Guarantee, GuaranteeScope, GuarantorProfile, LoanSnapshot } from '../../db/guarantees/guarantee.types.js';
import type { InstitutionRepository } from '../../db/institutions/institution.repository.js';
import type { LoanApplicationRepository, LoanRepository } from '../../db/loans/loan.repository.js';
import type { Loan } from '../../db/loans/loan.types.js';
import type { Page, PageRequest } from '../../db/page.js';
import type { Clock } from '../clock.js';
import { AppError, notFound } from '../errors/index.js';
import type { Actor, Principal } from '../identity/principal.js';
import type { LoanReview } from '../loans/loan-review.js';
import type { GuaranteeCapacity } from './guarantee-capacity.js';
import type { GuaranteeCounterAssets } from './guarantee-counter-assets.js';
import { allowedGuaranteeActions, outstandingStates, type GuaranteeAction, type GuaranteeState } from './guarantee-state-machine.js';
import { guaranteeScopeOf, guaranteeSystemActor, invalidGuaranteeTransition, type Caller, type GuaranteeWorkflow } from './guarantee-workflow.js';

const dayMs = 86_400_000;
/** A half-done step older than this is taken over by the recovery job (a live request is never that slow). */
export const staleGuaranteeStepMs = 5 * 60_000;

export const isoDay = (d: Date): string => d.toISOString().slice(0, 10);

export interface GuaranteeRequestInput {
  loanId: string;
  guarantorId: string;
  amountFen: number;
  termDays: number;
  note: string;
}

export interface GuaranteeRecommendationInput {
  proposedFeeRateBp: number;
  riskShares?: RiskShares | undefined;
  coverageRatioBp?: number | undefined;
  findings: string;
  conditions: string[];
}

export interface CounterGuaranteeInput {
  kind: 'ecological_assets' | 'other_security';
  description: string;
  assetIds?: string[] | undefined;
  valueFen: number;
}

/** A deadline of the claim timeline that has passed (the queue flags it). */
export type GuaranteeOverdue = 'claim_payment_overdue' | 'reguarantee_claim_overdue' | 'reguarantor_payment_overdue';

export interface GuaranteeView extends Guarantee {
  allowedActions: GuaranteeAction[];
  ageDays: number;
  guarantorName: string;
  /** The claim timeline of the guarantee's rules version (dates YYYY-MM-DD; null until their step happened). */
  deadlines: { claimableFrom: string | null; payBy: string | null; reguaranteeClaimBy: string | null; reguarantorPayBy: string | null };
  /** Deadlines passed with the step still not done. */
  overdue: GuaranteeOverdue[];
}

export interface GuaranteeDeps {
  guarantees: GuaranteeRepository;
  profiles: GuarantorProfileRepository;
  workflow: GuaranteeWorkflow;
  loans: LoanRepository;
  applications: LoanApplicationRepository;
  loanReview: LoanReview;
  institutions: InstitutionRepository;
  /** The rules in force (for new requests). */
  rules: () => Promise<GuaranteeRules>;
  /** The rules of a stored version (a guarantee's steps read the version it recorded). */
  rulesFor: (version: string) => Promise<GuaranteeRules>;
  capacity: GuaranteeCapacity;
  counterAssets: GuaranteeCounterAssets;
  clock: Clock;
}

export class GuaranteeService {
  constructor(private readonly deps: GuaranteeDeps) {}

  private rules(g: Pick<Guarantee, 'rulesVersion'>): Promise<GuaranteeRules> {
    return this.deps.rulesFor(g.rulesVersion);
  }

  async view(g: Guarantee): Promise<GuaranteeView> {
    const today = isoDay(this.deps.clock.now());
    const rules = await this.rules(g);
    const claimableFrom = g.defaultNotice ? claimTimeline(rules, { overdueSince: g.defaultNotice.overdueSince }).claimableFrom : null;
    const deadlines = {
      claimableFrom, payBy: g.claim?.payBy ?? null, reguaranteeClaimBy: g.compensation?.reguaranteeClaimBy ?? null, reguarantorPayBy: g.reguaranteeClaim?.payBy ?? null,
    };
    const overdue: GuaranteeOverdue[] = [];
    if (g.state === 'CLAIM_SUBMITTED' && deadlines.payBy && today > deadlines.payBy) overdue.push('claim_payment_overdue');
    if (g.state === 'COMPENSATED' && deadlines.reguaranteeClaimBy && today > deadlines.reguaranteeClaimBy) overdue.push('reguarantee_claim_overdue');
    if (g.reguaranteeClaim && !g.reguaranteeClaim.paidAt && deadlines.reguarantorPayBy && today > deadlines.reguarantorPayBy) overdue.push('reguarantor_payment_overdue');
    return {
      ...g,
      allowedActions: allowedGuaranteeActions(g.state as GuaranteeState),
      ageDays: Math.floor((this.deps.clock.now().getTime() - new Date(g.stateSince).getTime()) / dayMs),
      guarantorName: (await this.deps.institutions.findByIdUnscoped(g.institutionId))?.name ?? g.institutionId,
      deadlines, overdue,
    };
  }

  async list(principal: Principal, states: readonly string[] | undefined, page: PageRequest): Promise<Page<GuaranteeView>> {
    const result = await this.deps.guarantees.list(guaranteeScopeOf(principal), states, page);
    const items: GuaranteeView[] = [];
    for (const g of result.items) items.push(await this.view(g));
    return { items, total: result.total };
  }

  async get(principal: Principal, id: string): Promise<GuaranteeView> {
    return this.view(await this.deps.workflow.visible(principal, id));
  }

  /** The obligor's verified, free ecological assets the guarantor may take as counter-guarantee (the issue-letter form's choices). */
  async counterGuaranteeCandidates(principal: Principal, id: string): Promise<{ id: string; name: string; assetType: string; certificateNumber: string; valueFen: number | null }[]> {
    return this.deps.counterAssets.candidates(await this.deps.workflow.visible(principal, id));
  }

  /** Guarantee institutions a bank may ask, with their profile's capacity figures. */
  async guarantors(): Promise<{ id: string; name: string; nameEn: string | null; netAssetsFen: number; mainlySmallBusinessAgriculture: boolean; isReguarantor: boolean }[]> {
    const out = [];
    const profiles = await this.deps.profiles.list();
    const reguarantors = new Set(profiles.map((p) => p.reguarantorId).filter((id): id is string => id !== null));
    for (const profile of profiles) {
      const institution = await this.deps.institutions.findByIdUnscoped(profile.institutionId);
      if (!institution || institution.type !== 'guarantee_institution') continue;
      out.push({ id: institution.id, name: institution.name, nameEn: institution.nameEn ?? null, netAssetsFen: profile.netAssetsFen, mainlySmallBusinessAgriculture: profile.mainlySmallBusinessAgriculture, isReguarantor: reguarantors.has(institution.id) });
    }
    // Direct guarantors first: a re-guarantor is listed after them.
    return out.sort((a, b) => Number(a.isReguarantor) - Number(b.isReguarantor));
  }

  private async profileOf(institutionId: string): Promise<GuarantorProfile> {
    const profile = await this.deps.profiles.find(institutionId);
    if (!profile) throw new AppError('GUARANTEE_PROFILE_MISSING', 'the guarantor has no net assets on record: an administrator enters its profile first', { details: { institutionId } });
    return profile;
  }

  /** The bank asks a guarantor to guarantee its loan; a loan still GREEN_ASSESSED is moved to GUARANTEE_PENDING first. */
  async request(actor: Caller, input: GuaranteeRequestInput): Promise<GuaranteeView> {
    const bankId = actor.principal.institutionId!;
    let loan = await this.deps.loans.find({ kind: 'bank', institutionId: bankId }, input.loanId);
    if (!loan) throw notFound('loan');
    const existing = await this.deps.guarantees.findOpenByLoan(loan.id);
    if (existing && actor.idempotencyKey && existing.history[0]?.idempotencyKey === actor.idempotencyKey) return this.view(existing);
    if (existing) throw new AppError('GUARANTEE_ALREADY_REQUESTED', `the loan already has a guarantee that is ${existing.state}`, { details: { guaranteeId: existing.id, currentState: existing.state } });
    const guarantor = await this.deps.institutions.findByIdUnscoped(input.guarantorId);
    if (!guarantor || guarantor.type !== 'guarantee_institution') throw new AppError('VALIDATION_FAILED', 'no guarantee institution has this id', { field: 'guarantorId' });
    const profile = await this.profileOf(guarantor.id);
    const loanAmount = loan.recommendation?.amountFen ?? loan.amountFen;
    if (input.amountFen > loanAmount) throw new AppError('VALIDATION_FAILED', `the guarantee may not exceed the loan of ${loanAmount} fen`, { field: 'amountFen', details: { loanAmountFen: loanAmount } });
    if (loan.state === 'GREEN_ASSESSED') loan = await this.deps.loanReview.requestGuarantee(actor, loan.id, input.note || 'guarantee requested');
    if (loan.state !== 'GUARANTEE_PENDING') {
      throw new AppError('GUARANTEE_CHECK_FAILED', `a guarantee is requested for a loan waiting in GUARANTEE_PENDING; the loan is ${loan.state}`, { details: { check: 'loan_guarantee_pending', loanState: loan.state } });
    }
    const now = this.deps.clock.now();
    const by = { userId: actor.principal.userId, username: actor.principal.username };
    const created = await this.deps.guarantees.insert({
      institutionId: guarantor.id, bankId, reguarantorId: profile.reguarantorId, loanId: loan.id, subjectId: loan.subjectId,
      amountFen: input.amountFen, termDays: input.termDays, requestNote: input.note, loan: await this.snapshot(loan), requestedBy: by,
      rulesVersion: (await this.deps.rules()).version,
      history: [{ action: 'request', from: null, to: 'APPLIED', at: now, by, ...(actor.idempotencyKey ? { idempotencyKey: actor.idempotencyKey } : {}) }],
    }, now);
    if (!created) {
      const other = await this.deps.guarantees.findOpenByLoan(loan.id);
      if (other && actor.idempotencyKey && other.history[0]?.idempotencyKey === actor.idempotencyKey) return this.view(other);
      throw new AppError('GUARANTEE_ALREADY_REQUESTED', `the loan already has a guarantee that is ${other?.state ?? 'open'}`, { details: { guaranteeId: other?.id ?? null, currentState: other?.state ?? null } });
    }
    await this.deps.workflow.audit(actor, 'guarantee.request', null, created);
    return this.view(created);
  }

  private async snapshot(loan: Loan): Promise<LoanSnapshot> {
    const application = await this.deps.applications.find(loan.applicationId);
    const prescreen = (application?.prescreen ?? null) as { grade?: string | null; maxLoanFen?: number; valuations?: { valueFen: number }[] } | null;
    return {
      amountFen: loan.recommendation?.amountFen ?? loan.amountFen, termMonths: loan.recommendation?.termMonths ?? loan.termMonths, loanState: loan.state,
      applicantName: await this.name('subject', loan.subjectId), bankName: (await this.deps.institutions.findByIdUnscoped(loan.institutionId))?.name ?? loan.institutionId,
      grade: prescreen?.grade ?? null, maxLoanFen: prescreen?.maxLoanFen ?? null,
      collateralValueFen: prescreen?.valuations ? prescreen.valuations.reduce((s, v) => s + v.valueFen, 0) : null,
      assetIds: loan.assetIds, purpose: application?.purpose ?? null,
    };
  }

  private names: { subject?: (id: string) => Promise<string> } = {};
  /** Set by the area wiring: how a subject's name is read. */
  useSubjectNames(fn: (id: string) => Promise<string>): void {
    this.names.subject = fn;
  }
  private async name(_kind: 'subject', id: string): Promise<string> {
    return this.names.subject ? this.names.subject(id) : id;
  }

  async startDueDiligence(actor: Caller, id: string): Promise<GuaranteeView> {
    return this.view(await this.step(actor, id, 'startDueDiligence'));
  }

  async decline(actor: Caller, id: string, reason: string): Promise<GuaranteeView> {
    return this.view(await this.step(actor, id, 'decline', { reason, set: { decision: null } }));
  }

  /** The capacity rules for this guarantee against the reserved figures (no reservation), refused with the figures when breached. */
  private async requireCapacity(rules: GuaranteeRules, g: Guarantee) {
    const profile = await this.profileOf(g.institutionId);
    const exposure = await this.deps.capacity.exposure(g.institutionId, g.subjectId);
    const check = checkCapacity(rules, { netAssetsFen: profile.netAssetsFen, mainlySmallBusinessAgriculture: profile.mainlySmallBusinessAgriculture, ...exposure, requestFen: g.amountFen });
    if (!check.allowed) throw this.capacityExceeded(check, profile);
    return { check, exposure };
  }

  private capacityExceeded(check: ReturnType<typeof checkCapacity>, profile: GuarantorProfile): AppError {
    return new AppError('GUARANTEE_CAPACITY_EXCEEDED', check.breaches.map((b) => b.message).join('; '), {
      details: { check: 'capacity', netAssetsFen: profile.netAssetsFen, multiple: check.multiple, outstandingLimitFen: check.outstandingLimitFen, outstandingAfterFen: check.outstandingAfterFen, obligorLimitFen: check.obligorLimitFen, obligorAfterFen: check.obligorAfterFen, breaches: check.breaches },
    });
  }

  /** The officer's recommendation (maker): fee after the grade discount within the cap, risk shares totalling 100 %, capacity. */
  async recommend(actor: Caller, id: string, input: GuaranteeRecommendationInput): Promise<GuaranteeView> {
    const scope = guaranteeScopeOf(actor.principal);
    const g = await this.deps.workflow.actionable(actor.principal, id);
    this.deps.workflow.authorise(actor, 'recommend');
    const replay = await this.deps.workflow.replay(actor, scope, id, 'recommend');
    if (replay) return this.view(replay);
    this.deps.workflow.assertFrom('recommend', g);
    const rules = await this.rules(g);
    const riskShares = input.riskShares ?? { originalGuarantorBp: rules.riskShares.originalGuarantorBp, reguarantorBp: rules.riskShares.reguarantorBp, bankBp: rules.riskShares.bankBp, localGovernmentBp: rules.riskShares.localGovernmentBp };
    const shares = checkRiskShares(riskShares);
    if (!shares.valid) throw new AppError('GUARANTEE_RISK_SHARES_INVALID', shares.message, { field: 'riskShares', details: { check: 'risk_shares_total_100', totalBp: shares.totalBp } });
    const fee = feeRateAfterGrade(rules, input.proposedFeeRateBp, g.loan.grade);
    const { check: capacity, exposure } = await this.requireCapacity(rules, g);
    const cap = checkFeeCap(rules, { singleBorrowerFen: exposure.obligorOutstandingFen + g.amountFen, annualRateBp: fee.annualRateBp });
    if (!cap.allowed) {
      throw new AppError('GUARANTEE_FEE_ABOVE_CAP', cap.message, { field: 'proposedFeeRateBp', details: { check: 'fee_within_cap', annualFeeRateBp: fee.annualRateBp, gradeDiscountBp: fee.discountBp, capAnnualRateBp: cap.capAnnualRateBp, singleBorrowerFen: cap.singleBorrowerFen } });
    }
    const recommendation = {
      proposedFeeRateBp: input.proposedFeeRateBp, gradeDiscountBp: fee.discountBp, annualFeeRateBp: fee.annualRateBp,
      feeFen: guaranteeFee(g.amountFen, fee.annualRateBp, g.termDays), riskShares, coverageRatioBp: input.coverageRatioBp ?? rules.coverageRatioBp,
      findings: input.findings, conditions: input.conditions,
      feeCap: { capAnnualRateBp: cap.capAnnualRateBp, singleBorrowerFen: cap.singleBorrowerFen },
      capacity: { outstandingLimitFen: capacity.outstandingLimitFen, outstandingAfterFen: capacity.outstandingAfterFen, obligorLimitFen: capacity.obligorLimitFen, obligorAfterFen: capacity.obligorAfterFen, multiple: capacity.multiple },
      rulesVersion: rules.version, by: { userId: actor.principal.userId, username: actor.principal.username }, at: this.deps.clock.now(),
    };
    return this.view(await this.deps.workflow.move(actor, scope, g, 'recommend', { set: { recommendation, decision: null } }));
  }

  private makerIsNotChecker(actor: Caller, g: Guarantee): void {
    if (g.recommendation && g.recommendation.by.userId === actor.principal.userId) {
      throw new AppError('GUARANTEE_MAKER_CHECKER', 'you recommended this guarantee: another approver must decide on it', { details: { check: 'maker_is_not_checker', recommendedBy: g.recommendation.by.username } });
    }
  }

  /**
   * The committee's approval (checker): not the recommender, within the approver's tier, and the
   * guarantee's amount reserved on the guarantor's capacity counter (one conditional `$inc`: of
   * concurrent approvals only those that fit succeed). A failed transition gives back only the reservation it made.
   */
  async approve(actor: Caller, id: string, note: string): Promise<GuaranteeView> {
    const scope = guaranteeScopeOf(actor.principal);
    const g = await this.deps.workflow.actionable(actor.principal, id);
    this.deps.workflow.authorise(actor, 'approve');
    const replay = await this.deps.workflow.replay(actor, scope, id, 'approve');
    if (replay) return this.view(replay);
    this.deps.workflow.assertFrom('approve', g);
    this.makerIsNotChecker(actor, g);
    const profile = await this.profileOf(g.institutionId);
    const rules = await this.rules(g);
    const level = profile.approverLevels[actor.principal.username] ?? rules.approvalTiers[0]!.level;
    const tier = guaranteeApprovalTier(rules, g.amountFen, level);
    if (!tier.allowed) {
      throw new AppError('GUARANTEE_APPROVAL_LIMIT_EXCEEDED', `${g.amountFen} fen needs the ${tier.required.label} (${tier.required.level}); your level is ${level}`, { details: { check: 'within_approval_tier', requiredLevel: tier.required.level, approverLevel: level } });
    }
    const reserved = await this.deps.capacity.reserve(rules, profile, g);
    const decision = {
      decision: 'approved', note, level: tier.required.level, by: { userId: actor.principal.userId, username: actor.principal.username }, at: this.deps.clock.now(),
      capacity: { outstandingLimitFen: reserved.outstandingLimitFen, outstandingAfterFen: reserved.outstandingAfterFen, obligorLimitFen: reserved.obligorLimitFen, obligorAfterFen: reserved.obligorAfterFen, multiple: reserved.multiple },
    };
    try {
      return this.view(await this.deps.workflow.move(actor, scope, g, 'approve', { set: { decision }, expected: { 'recommendation.at': g.recommendation?.at } }));
    } catch (e) {
      // Only the reservation this attempt made: a concurrent approval's reservation stays.
      await this.deps.capacity.abandon(g.institutionId, g.id, reserved.attemptId);
      throw e;
    }
  }

  async reject(actor: Caller, id: string, reason: string): Promise<GuaranteeView> {
    const g = await this.deps.workflow.actionable(actor.principal, id);
    this.deps.workflow.authorise(actor, 'reject');
    this.deps.workflow.assertFrom('reject', g);
    this.makerIsNotChecker(actor, g);
    const decision = { decision: 'rejected', note: reason, level: null, by: { userId: actor.principal.userId, username: actor.principal.username }, at: this.deps.clock.now() };
    return this.view(await this.step(actor, id, 'reject', { set: { decision }, reason }, g));
  }

  async requestCounterGuarantee(actor: Caller, id: string, note: string): Promise<GuaranteeView> {
    return this.view(await this.step(actor, id, 'requestCounterGuarantee', { reason: note }));
  }

  /**
   * COUNTER_GUARANTEE_PENDING → LETTER_ISSUED: records the counter-guarantee, charges the fee and
   * issues the letter, with the intent to confirm the loan's guarantee; then confirms the loan
   * (GUARANTEE_PENDING → GUARANTEE_CONFIRMED) and clears the intent. A crash in between is finished
   * by the recovery job.
   */
  async issueLetter(actor: Caller, id: string, input: { counterGuarantee: CounterGuaranteeInput }): Promise<GuaranteeView> {
    const scope = guaranteeScopeOf(actor.principal);
    const g = await this.deps.workflow.actionable(actor.principal, id);
    this.deps.workflow.authorise(actor, 'issueLetter');
    const replay = await this.deps.workflow.replay(actor, scope, id, 'issueLetter');
    if (replay) return this.view(replay);
    this.deps.workflow.assertFrom('issueLetter', g);
    const loan = await this.deps.loans.find({ kind: 'all' }, g.loanId);
    if (!loan || loan.state !== 'GUARANTEE_PENDING') {
      throw new AppError('GUARANTEE_CHECK_FAILED', `the loan no longer waits for a guarantee: it is ${loan?.state ?? 'gone'}`, { details: { check: 'loan_guarantee_pending', loanState: loan?.state ?? null } });
    }
    const now = this.deps.clock.now();
    const rec = g.recommendation!;
    const startDate = isoDay(now);
    const letter = {
      number: `XJLD-${startDate.slice(0, 4)}-${g.id.slice(-6).toUpperCase()}`, issuedAt: now, annualFeeRateBp: rec.annualFeeRateBp,
      feeFen: guaranteeFee(g.amountFen, rec.annualFeeRateBp, g.termDays), startDate, endDate: isoDay(new Date(now.getTime() + g.termDays * dayMs)),
    };
    const c = input.counterGuarantee;
    const assetIds = c.kind === 'ecological_assets' ? c.assetIds ?? [] : [];
    if (c.kind === 'ecological_assets') await this.deps.counterAssets.pledgeAll(actor, g, assetIds);
    const counterGuarantee = { kind: c.kind, description: c.description, assetIds, valueFen: c.valueFen, recordedBy: actor.principal.username, at: now };
    const key = `confirm-loan:${g.id}`;
    let issued: Guarantee;
    try {
      issued = await this.deps.workflow.move(actor, scope, g, 'issueLetter', { set: { letter, counterGuarantee, pendingStep: { kind: 'confirm-loan', key, startedAt: now } } });
    } catch (e) {
      // The letter was not issued by this call: the assets go back unless a concurrent issue of the same letter holds them.
      const current = await this.deps.guarantees.find({ kind: 'all' }, g.id);
      if (!current?.counterGuarantee) await this.deps.counterAssets.releaseAll(actor, g.id, assetIds);
      throw e;
    }
    return this.view(await this.finishLoanConfirmation(issued));
  }

  /** Confirms the loan's guarantee (idempotent on the loan side) and clears the intent. */
  async finishLoanConfirmation(g: Guarantee): Promise<Guarantee> {
    if (!g.pendingStep) return g;
    await this.deps.loanReview.confirmGuarantee(g.loanId, g.id);
    return (await this.deps.guarantees.update(g.id, { 'pendingStep.key': g.pendingStep.key }, { $set: { pendingStep: null } })) ?? g;
  }

  /** The bank confirms it disbursed the loan: LETTER_ISSUED → IN_FORCE. */
  async confirmDisbursement(actor: Caller, id: string): Promise<GuaranteeView> {
    const g = await this.deps.workflow.actionable(actor.principal, id);
    this.deps.workflow.authorise(actor, 'confirmDisbursement');
    this.deps.workflow.assertFrom('confirmDisbursement', g);
    const loan = await this.deps.loans.find({ kind: 'all' }, g.loanId);
    if (!loan || !['ACTIVE', 'OVERDUE', 'DEFAULTED', 'CLOSED'].includes(loan.state)) {
      throw new AppError('GUARANTEE_CHECK_FAILED', `the loan is not disbursed: it is ${loan?.state ?? 'gone'}`, { details: { check: 'loan_disbursed', loanState: loan?.state ?? null } });
    }
    return this.view(await this.step(actor, id, 'confirmDisbursement', { set: { inForceAt: this.deps.clock.now() } }, g));
  }

  /** IN_FORCE → RELEASED once the loan is CLOSED (the bank asks, or the daily run finds it). */
  async release(actor: Actor, scope: GuaranteeScope, g: Guarantee): Promise<Guarantee> {
    this.deps.workflow.authorise(actor, 'release');
    this.deps.workflow.assertFrom('release', g);
    const loan = await this.deps.loans.find({ kind: 'all' }, g.loanId);
    if (loan?.state !== 'CLOSED') throw new AppError('GUARANTEE_CHECK_FAILED', `the loan is not closed: it is ${loan?.state ?? 'gone'}`, { details: { check: 'loan_closed', loanState: loan?.state ?? null } });
    return this.deps.workflow.move(actor, scope, g, 'release', { set: { releasedAt: this.deps.clock.now() }, reason: 'loan closed' });
  }

  async releaseByBank(actor: Caller, id: string): Promise<GuaranteeView> {
    const g = await this.deps.workflow.actionable(actor.principal, id);
    return this.view(await this.release(actor, guaranteeScopeOf(actor.principal), g));
  }

  /** The guarantor's portfolio: outstanding vs capacity, amount-weighted average fee vs the target, counts by state. */
  async portfolio(principal: Principal): Promise<Record<string, unknown>> {
    const scope = guaranteeScopeOf(principal);
    if (scope.kind !== 'guarantor') throw new AppError('FORBIDDEN', 'the portfolio is the guarantor’s');
    const institutionId = scope.institutionId;
    const profile = await this.profileOf(institutionId);
    const rules = await this.deps.rules();
    const outstanding = await this.deps.guarantees.listOfGuarantor(institutionId, outstandingStates);
    // The gauge shows the reserved figure of the capacity counter (what approvals are checked against).
    const counter = await this.deps.capacity.counter(institutionId);
    const outstandingFen = counter.outstandingFen;
    const capacity = checkCapacity(rules, { netAssetsFen: profile.netAssetsFen, mainlySmallBusinessAgriculture: profile.mainlySmallBusinessAgriculture, outstandingFen, obligorOutstandingFen: 0, requestFen: 0 });
    const priced = outstanding.filter((g) => g.recommendation);
    const fee = portfolioAverageFee(rules, priced.map((g) => ({ amountFen: g.amountFen, annualRateBp: g.recommendation!.annualFeeRateBp })));
    const all = await this.deps.guarantees.listOfGuarantor(institutionId, [...new Set([...outstandingStates, 'APPLIED', 'DUE_DILIGENCE', 'COMMITTEE_REVIEW', 'REJECTED', 'RELEASED', 'COMPENSATED', 'REGUARANTEE_CLAIMED', 'RECOVERING', 'CLOSED', 'WRITTEN_OFF'])]);
    const byState: Record<string, { count: number; amountFen: number }> = {};
    for (const g of all) {
      const row = (byState[g.state] ??= { count: 0, amountFen: 0 });
      row.count++;
      row.amountFen += g.amountFen;
    }
    const byObligor = new Map<string, { subjectId: string; name: string; amountFen: number }>();
    for (const g of outstanding) {
      const row = byObligor.get(g.subjectId) ?? { subjectId: g.subjectId, name: g.loan.applicantName, amountFen: 0 };
      row.amountFen += g.amountFen;
      byObligor.set(g.subjectId, row);
    }
    return {
      institutionId, netAssetsFen: profile.netAssetsFen, mainlySmallBusinessAgriculture: profile.mainlySmallBusinessAgriculture,
      outstandingFen, reservations: Object.keys(counter.reservations).length, capacityMultiple: capacity.multiple, capacityLimitFen: capacity.outstandingLimitFen, obligorLimitFen: capacity.obligorLimitFen,
      averageFee: fee, byState,
      largestObligors: [...byObligor.values()].sort((a, b) => b.amountFen - a.amountFen).slice(0, 10),
      feesChargedFen: all.reduce((s, g) => s + (g.letter?.feeFen ?? 0), 0),
      compensatedFen: all.reduce((s, g) => s + (g.compensation?.amountFen ?? 0), 0),
      recoveredFen: all.reduce((s, g) => s + g.recoveredFen, 0),
      rulesVersion: rules.version,
    };
  }

  /** The re-guarantor acknowledges the re-guarantee claim filed with it (its staff only). */
  async acknowledgeReguarantee(actor: Caller, id: string, note: string): Promise<GuaranteeView> {
    return this.reguarantorStep(actor, id, 'acknowledge', note);
  }

  /** The re-guarantor pays its share of the compensation (exactly the claimed share, once, after acknowledging). */
  async payReguarantee(actor: Caller, id: string, input: { amountFen: number; note: string }): Promise<GuaranteeView> {
    return this.reguarantorStep(actor, id, 'pay', input.note, input.amountFen);
  }

  private async reguarantorStep(actor: Caller, id: string, step: 'acknowledge' | 'pay', note: string, amountFen?: number): Promise<GuaranteeView> {
    const g = await this.deps.workflow.visible(actor.principal, id);
    if (!actor.principal.institutionId || g.reguarantorId !== actor.principal.institutionId) throw new AppError('FORBIDDEN', 'only the re-guarantor’s staff act on a re-guarantee claim');
    const claim = g.reguaranteeClaim;
    if (!claim) throw new AppError('GUARANTEE_INVALID_TRANSITION', `no re-guarantee claim has been filed: the guarantee is ${g.state}`, { details: { currentState: g.state, allowed: ['REGUARANTEE_CLAIMED', 'RECOVERING'], action: `reguarantee.${step}` } });
    const by = { userId: actor.principal.userId, username: actor.principal.username };
    const now = this.deps.clock.now();
    let expected: Record<string, unknown>;
    let set: Record<string, unknown>;
    if (step === 'acknowledge') {
      if (claim.acknowledgedAt) {
        if (actor.idempotencyKey && claim.acknowledgeKey === actor.idempotencyKey) return this.view(g);
        throw new AppError('CONFLICT', `the re-guarantee claim was acknowledged by ${claim.acknowledgedBy?.username ?? 'someone'}`, { details: { currentState: g.state } });
      }
      expected = { 'reguaranteeClaim.acknowledgedAt': null };
      set = { 'reguaranteeClaim.acknowledgedAt': now, 'reguaranteeClaim.acknowledgedBy': by, 'reguaranteeClaim.acknowledgeNote': note, 'reguaranteeClaim.acknowledgeKey': actor.idempotencyKey ?? null };
    } else {
      if (claim.paidAt) {
        if (actor.idempotencyKey && claim.payKey === actor.idempotencyKey) return this.view(g);
        throw new AppError('CONFLICT', `the re-guarantor's share was paid on ${isoDay(new Date(claim.paidAt))}`, { details: { currentState: g.state } });
      }
      if (!claim.acknowledgedAt) throw new AppError('GUARANTEE_CHECK_FAILED', 'acknowledge the re-guarantee claim before paying it', { details: { check: 'reguarantee_acknowledged' } });
      if (amountFen !== claim.amountFen) throw new AppError('VALIDATION_FAILED', `the re-guarantor pays its share of ${claim.amountFen} fen exactly`, { field: 'amountFen', details: { shareFen: claim.amountFen } });
      expected = { 'reguaranteeClaim.paidAt': null, 'reguaranteeClaim.acknowledgedAt': { $ne: null } };
      set = { 'reguaranteeClaim.paidAt': now, 'reguaranteeClaim.paidFen': amountFen, 'reguaranteeClaim.paidBy': by, 'reguaranteeClaim.payNote': note, 'reguaranteeClaim.payKey': actor.idempotencyKey ?? null };
    }
    const after = await this.deps.guarantees.update(g.id, { ...expected, reguarantorId: actor.principal.institutionId }, { $set: set });
    if (!after) throw new AppError('CONFLICT', 'the re-guarantee claim changed at the same moment; read it again', { details: { currentState: g.state } });
    await this.deps.workflow.audit(actor, `guarantee.reguarantee.${step}`, g, after);
    return this.view(after);
  }

  /** Finishes loan confirmations a crash left half-done, releases guarantees of closed loans and notices defaults the hook missed. */
  async recover(): Promise<{ confirmedLoans: string[]; released: string[]; defaultsNoticed: string[]; failed: string[]; capacityReleased: string[] }> {
    const out = { confirmedLoans: [] as string[], released: [] as string[], defaultsNoticed: [] as string[], failed: [] as string[], capacityReleased: [] as string[] };
    const staleBefore = this.deps.clock.now().getTime() - staleGuaranteeStepMs;
    for (const g of await this.deps.guarantees.listWithPendingStep()) {
      if (new Date(g.pendingStep!.startedAt).getTime() > staleBefore) continue;
      try {
        await this.finishLoanConfirmation(g);
        out.confirmedLoans.push(g.id);
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
        await this.deps.guarantees.update(g.id, { 'pendingStep.key': g.pendingStep!.key }, { $set: { 'pendingStep.lastError': e.message } });
        out.failed.push(g.id);
      }
    }
    for (const g of await this.deps.guarantees.listInStates(['IN_FORCE'])) {
      const loan = await this.deps.loans.find({ kind: 'all' }, g.loanId);
      if (loan?.state === 'CLOSED') {
        await this.release(guaranteeSystemActor, { kind: 'all' }, g);
        out.released.push(g.id);
      } else if (loan?.state === 'DEFAULTED' || loan?.state === 'WRITTEN_OFF') {
        await this.noticeDefault(g, loan.outstanding, 'loan defaulted (found by the recovery run)');
        out.defaultsNoticed.push(g.id);
      }
    }
    out.capacityReleased = await this.deps.capacity.reconcile();
    return out;
  }

  /** IN_FORCE → DEFAULT_NOTIFIED, with the day the loan fell overdue (for the claim timeline). */
  async noticeDefault(g: Guarantee, outstanding: Record<string, unknown> | null, reason: string): Promise<Guarantee> {
    const daysPastDue = (outstanding?.['maxDaysPastDue'] as number | undefined) ?? 0;
    const overdueSince = isoDay(new Date(this.deps.clock.now().getTime() - daysPastDue * dayMs));
    const outstandingFen = (outstanding?.['principalOutstandingFen'] as number | undefined) ?? null;
    return this.deps.workflow.move({ ...guaranteeSystemActor, idempotencyKey: `default:${g.loanId}` }, { kind: 'all' }, g, 'notifyDefault', {
      set: { defaultNotice: { at: this.deps.clock.now(), reason, overdueSince, outstandingFen } }, reason,
    });
  }

  private async step(actor: Caller, id: string, action: GuaranteeAction, options: Parameters<GuaranteeWorkflow['move']>[4] = {}, loaded?: Guarantee): Promise<Guarantee> {
    const g = loaded ?? (await this.deps.workflow.actionable(actor.principal, id));
    return this.deps.workflow.move(actor, guaranteeScopeOf(actor.principal), g, action, options);
  }
}

export { invalidGuaranteeTransition };
