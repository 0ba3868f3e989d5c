// Loans: the applicant's applications, each bank's review and offer, the approver's decision,
// disbursement, repayment and default. Thin: validation is in schemas/api/loans, rules in domain/loans.
import type { LoanListFilter } from '../../db/loans/loan.repository.js';
import { loanMaths } from '../../domain/loans/loan-maths.js';
import { buildApprovalLetter, buildCreditAssessment, buildRepaymentSchedule } from '../../reports/loan-documents.js';
import type { AuthenticatedInput, RouteSpec } from '../route.js';

type Id = { id: string };
type Page = { limit: number; offset: number };
const apply = { permission: 'loans.apply' } as const;
const review = { permission: 'loans.review' } as const;
const approve = { permission: 'loans.approve' } as const;
const tag = 'loans';

const listFilter = (q: { state?: string; applicationId?: string }): LoanListFilter => ({
  states: q.state ? q.state.split(',') : undefined,
  applicationId: q.applicationId,
});

export const loanRoutes: RouteSpec[] = [
  // ---- applicant ----
  {
    id: 'loans.banks', method: 'GET', path: '/api/loan-banks', tag, access: apply,
    summary: 'Banks an application can be offered to',
    handler: (_i: AuthenticatedInput, p) => p.services.loanApplications.banks(),
  },
  {
    id: 'loans.taxonomy', method: 'GET', path: '/api/loan-taxonomy', tag, access: 'authenticated',
    summary: 'Eligible green uses of proceeds (green taxonomy table), with their top-level catalogue category',
    handler: async () => ({ version: loanMaths.taxonomyVersion, entries: loanMaths.eligibleUses() }),
  },
  {
    id: 'loans.applications.create', method: 'POST', path: '/api/loan-applications', tag, access: apply, successStatus: 201,
    summary: 'Save a new draft application (Idempotency-Key: a repeat returns the first draft)', body: 'api/loans/application.body',
    handler: (i: AuthenticatedInput, p) => p.services.loanApplications.createDraft(i.actor, i.body),
  },
  {
    id: 'loans.applications.list', method: 'GET', path: '/api/loan-applications', tag, access: apply,
    summary: 'The applicant’s applications, newest first', query: 'api/loans/application-list.query',
    handler: (i: AuthenticatedInput<unknown, Page & { state?: string }>, p) => p.services.loanApplications.list(i.principal, i.query.state ? [i.query.state] : undefined, i.query),
  },
  {
    id: 'loans.applications.get', method: 'GET', path: '/api/loan-applications/:id', tag, access: 'authenticated',
    summary: 'An application with each bank’s side (the applicant; a bank it is offered to sees its own side)', params: 'api/common/id.params',
    handler: (i: AuthenticatedInput<unknown, unknown, Id>, p) => p.services.loanApplications.get(i.principal, i.params.id),
  },
  {
    id: 'loans.applications.update', method: 'PUT', path: '/api/loan-applications/:id', tag, access: apply,
    summary: 'Replace a draft’s fields', params: 'api/common/id.params', body: 'api/loans/application.body',
    handler: (i: AuthenticatedInput<never, unknown, Id>, p) => p.services.loanApplications.updateDraft(i.actor, i.params.id, i.body),
  },
  {
    id: 'loans.applications.submit', method: 'POST', path: '/api/loan-applications/:id/submit', tag, access: apply,
    summary: 'Submit a draft (completeness checked): one review per bank is opened and the pre-screen runs', params: 'api/common/id.params', body: 'api/loans/empty.body',
    handler: (i: AuthenticatedInput<unknown, unknown, Id>, p) => p.services.loanApplications.submit(i.actor, i.params.id),
  },
  {
    id: 'loans.applications.withdraw', method: 'POST', path: '/api/loan-applications/:id/withdraw', tag, access: apply,
    summary: 'Withdraw the application from every bank still deciding (open offers lapse)', params: 'api/common/id.params', body: 'api/loans/reason.body',
    handler: (i: AuthenticatedInput<{ reason: string }, unknown, Id>, p) => p.services.loanApplications.withdraw(i.actor, i.params.id, i.body.reason),
  },
  {
    id: 'loans.applications.prescreen', method: 'POST', path: '/api/loan-applications/:id/prescreen', tag, access: 'authenticated',
    summary: 'Run the pre-screen again (grade, fresh valuations, maximum loan, suggested rate)', params: 'api/common/id.params', body: 'api/loans/empty.body',
    handler: (i: AuthenticatedInput<unknown, unknown, Id>, p) => p.services.loanApplications.rerunPrescreen(i.actor, i.params.id),
  },
  {
    id: 'loans.accept', method: 'POST', path: '/api/loans/:id/accept', tag, access: apply,
    summary: 'Accept this bank’s offer: the other banks’ reviews lapse', params: 'api/common/id.params', body: 'api/loans/empty.body',
    handler: (i: AuthenticatedInput<unknown, unknown, Id>, p) => p.services.loanApplications.accept(i.actor, i.params.id),
  },
  {
    id: 'loans.withdraw', method: 'POST', path: '/api/loans/:id/withdraw', tag, access: apply,
    summary: 'Withdraw the application from this bank (before approval)', params: 'api/common/id.params', body: 'api/loans/reason.body',
    handler: (i: AuthenticatedInput<{ reason: string }, unknown, Id>, p) => p.services.loanApplications.withdrawFromBank(i.actor, i.params.id, i.body.reason),
  },
  {
    id: 'loans.provide-info', method: 'POST', path: '/api/loans/:id/provide-info', tag, access: apply,
    summary: 'Answer the bank’s information request (optionally with documents)', params: 'api/common/id.params', body: 'api/loans/provide-info.body',
    handler: (i: AuthenticatedInput<{ message: string; documentIds?: string[] }, unknown, Id>, p) => p.services.loanApplications.provideInfo(i.actor, i.params.id, i.body.message, i.body.documentIds ?? []),
  },
  // ---- every party, within its tenant ----
  {
    id: 'loans.list', method: 'GET', path: '/api/loans', tag, access: 'authenticated',
    summary: 'Loans in the caller’s scope (a bank: its queue with grade, valuations, LTV and SLA age; an applicant: their own)', query: 'api/loans/loan-list.query',
    handler: (i: AuthenticatedInput<unknown, Page & { state?: string; applicationId?: string }>, p) => p.services.loanReview.list(i.principal, listFilter(i.query), i.query),
  },
  {
    id: 'loans.get', method: 'GET', path: '/api/loans/:id', tag, access: 'authenticated',
    summary: 'One loan with its application, pre-screen and history (another tenant’s loan: 404)', params: 'api/common/id.params',
    handler: (i: AuthenticatedInput<unknown, unknown, Id>, p) => p.services.loanReview.get(i.principal, i.params.id),
  },
  {
    id: 'loans.repayments', method: 'GET', path: '/api/loans/:id/repayments', tag, access: 'authenticated',
    summary: 'Repayment schedule, repayments recorded and the outstanding balance today', params: 'api/common/id.params',
    handler: (i: AuthenticatedInput<unknown, unknown, Id>, p) => p.services.loanServicing.repaymentView(i.actor, i.params.id),
  },
  ...(([
    ['credit-assessment', buildCreditAssessment, 'Credit assessment PDF (grade, valuation summary, pre-screen, recommendation) — bank staff and platform readers'],
    ['approval-letter', buildApprovalLetter, 'Approval letter PDF (the offer), once approved'],
    ['repayment-schedule', buildRepaymentSchedule, 'Repayment schedule PDF, once disbursed'],
  ] as const).map(([kind, build, summary]): RouteSpec => ({
    id: `loans.pdf.${kind}`, method: 'GET', path: `/api/loans/:id/${kind}.pdf`, tag, access: 'authenticated', summary, params: 'api/common/id.params',
    handler: async (i: AuthenticatedInput<unknown, unknown, Id>, p) => {
      const body = await build(await p.services.loanReview.documentContext(i.principal, i.params.id, kind));
      return { body, headers: { 'Content-Type': 'application/pdf', 'Content-Disposition': `attachment; filename="${kind}-${i.params.id}.pdf"` } };
    },
  }))),
  // ---- bank officer (maker) ----
  {
    id: 'loans.start-review', method: 'POST', path: '/api/loans/:id/start-review', tag, access: review,
    summary: 'SUBMITTED → UNDER_REVIEW', params: 'api/common/id.params', body: 'api/loans/empty.body',
    handler: (i: AuthenticatedInput<unknown, unknown, Id>, p) => p.services.loanReview.startReview(i.actor, i.params.id),
  },
  {
    id: 'loans.request-info', method: 'POST', path: '/api/loans/:id/request-info', tag, access: review,
    summary: 'UNDER_REVIEW → INFO_REQUESTED with a message to the applicant', params: 'api/common/id.params', body: 'api/loans/message.body',
    handler: (i: AuthenticatedInput<{ message: string }, unknown, Id>, p) => p.services.loanReview.requestInfo(i.actor, i.params.id, i.body.message),
  },
  {
    id: 'loans.assess', method: 'POST', path: '/api/loans/:id/assess', tag, access: review,
    summary: 'UNDER_REVIEW → GREEN_ASSESSED: use of proceeds confirmed against the taxonomy, grade and valuations attached', params: 'api/common/id.params', body: 'api/loans/assess.body',
    handler: (i: AuthenticatedInput<{ taxonomyCode: string; note: string }, unknown, Id>, p) => p.services.loanReview.assessGreen(i.actor, i.params.id, i.body),
  },
  {
    id: 'loans.request-guarantee', method: 'POST', path: '/api/loans/:id/request-guarantee', tag, access: review,
    summary: 'GREEN_ASSESSED → GUARANTEE_PENDING (the guarantee workflow confirms it)', params: 'api/common/id.params', body: 'api/loans/reason.body',
    handler: (i: AuthenticatedInput<{ reason: string }, unknown, Id>, p) => p.services.loanReview.requestGuarantee(i.actor, i.params.id, i.body.reason),
  },
  {
    id: 'loans.recommend', method: 'POST', path: '/api/loans/:id/recommend', tag, access: review,
    summary: 'The officer’s recommendation (amount, rate, term, conditions, notes) → PENDING_APPROVAL', params: 'api/common/id.params', body: 'api/loans/recommend.body',
    handler: (i: AuthenticatedInput, p) => p.services.loanReview.recommend(i.actor, i.params.id, i.body),
  },
  {
    id: 'loans.decline', method: 'POST', path: '/api/loans/:id/decline', tag, access: review,
    summary: 'The officer declines during review (reason codes, message to the applicant) → REJECTED', params: 'api/common/id.params', body: 'api/loans/reject.body',
    handler: (i: AuthenticatedInput, p) => p.services.loanReview.decline(i.actor, i.params.id, i.body),
  },
  {
    id: 'loans.disburse', method: 'POST', path: '/api/loans/:id/disburse', tag, access: review,
    summary: 'ACCEPTED → ACTIVE: every offered asset pledged to the loan (all or none), schedule built', params: 'api/common/id.params', body: 'api/loans/disburse.body',
    handler: (i: AuthenticatedInput, p) => p.services.loanServicing.disburse(i.actor, i.params.id, i.body),
  },
  {
    id: 'loans.repay', method: 'POST', path: '/api/loans/:id/repayments', tag, access: review, successStatus: 201,
    summary: 'Record a repayment (applied penalty, interest, then principal; early and overpayments allowed)', params: 'api/common/id.params', body: 'api/loans/repayment.body',
    handler: (i: AuthenticatedInput, p) => p.services.loanServicing.recordRepayment(i.actor, i.params.id, i.body),
  },
  {
    id: 'loans.dispose', method: 'POST', path: '/api/loans/:id/disposals', tag, access: review, successStatus: 201,
    summary: 'Record the disposal of a pledged asset of a defaulted loan (proceeds repay the loan, the asset is released)', params: 'api/common/id.params', body: 'api/loans/disposal.body',
    handler: (i: AuthenticatedInput, p) => p.services.loanServicing.recordDisposal(i.actor, i.params.id, i.body),
  },
  // ---- bank approver (checker) ----
  {
    id: 'loans.approve', method: 'POST', path: '/api/loans/:id/approve', tag, access: approve,
    summary: 'PENDING_APPROVAL → APPROVED (never by the recommending officer; within the approver’s tier)', params: 'api/common/id.params', body: 'api/loans/approve.body',
    handler: (i: AuthenticatedInput<{ note: string }, unknown, Id>, p) => p.services.loanReview.approve(i.actor, i.params.id, i.body.note),
  },
  {
    id: 'loans.reject', method: 'POST', path: '/api/loans/:id/reject', tag, access: approve,
    summary: 'PENDING_APPROVAL → REJECTED with reason codes and the applicant’s message', params: 'api/common/id.params', body: 'api/loans/reject.body',
    handler: (i: AuthenticatedInput, p) => p.services.loanReview.reject(i.actor, i.params.id, i.body),
  },
  {
    id: 'loans.undo-approval', method: 'POST', path: '/api/loans/:id/undo-approval', tag, access: approve,
    summary: 'APPROVED → PENDING_APPROVAL (before the applicant accepts)', params: 'api/common/id.params', body: 'api/loans/reason.body',
    handler: (i: AuthenticatedInput<{ reason: string }, unknown, Id>, p) => p.services.loanReview.undoApproval(i.actor, i.params.id, i.body.reason),
  },
  {
    id: 'loans.write-off', method: 'POST', path: '/api/loans/:id/write-off', tag, access: approve,
    summary: 'DEFAULTED → WRITTEN_OFF (remaining pledges released)', params: 'api/common/id.params', body: 'api/loans/reason.body',
    handler: (i: AuthenticatedInput<{ reason: string }, unknown, Id>, p) => p.services.loanServicing.writeOff(i.actor, i.params.id, i.body.reason),
  },
  {
    id: 'loans.approval-limits.get', method: 'GET', path: '/api/loan-approval-limits/:institutionId', tag, access: { permission: 'admin.institutions' },
    summary: 'A bank’s current approval limits (version 0: the configuration file’s default tiers)', params: 'api/loans/institution.params',
    handler: (i: AuthenticatedInput<unknown, unknown, { institutionId: string }>, p) => p.services.approvalLimits.current(i.params.institutionId),
  },
  {
    id: 'loans.approval-limits.publish', method: 'PUT', path: '/api/loan-approval-limits/:institutionId', tag, access: { permission: 'admin.institutions' },
    summary: 'Publish the next version of a bank’s approval limits by amount tier', params: 'api/loans/institution.params', body: 'api/loans/approval-limits.body',
    handler: (i: AuthenticatedInput<never, unknown, { institutionId: string }>, p) => p.services.approvalLimits.publish(i.actor, i.params.institutionId, i.body),
  },
];
