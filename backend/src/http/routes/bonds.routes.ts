// Green bonds: the issuer's framework and projects, the external review, registration and issue, the
// proceeds ledger (maker proposes, checker approves), delabelling and the annual impact reports.
// Thin: validation is in schemas/api/bonds, rules in domain/bonds.
import { greenTaxonomy, taxonomyCategories } from '@eco/scoring';
import { buildImpactReportPdf } from '../../reports/bond-impact-report.js';
import type { AuthenticatedInput, RouteSpec } from '../route.js';

type Id = { id: string };
const issue = { permission: 'bonds.issue' } as const;
const review = { permission: 'bonds.review' } as const;
const check = { permission: 'bonds.allocate.approve' } as const;
const tag = 'bonds';
const states = (s?: string) => (s ? s.split(',') : undefined);

export const bondRoutes: RouteSpec[] = [
  {
    id: 'bonds.taxonomy', method: 'GET', path: '/api/bond-taxonomy', tag, access: 'authenticated',
    summary: 'The green taxonomy shared with loans: catalogue categories, entries with eligibility, ICMA and PBoC mappings and benefit measures',
    handler: async () => ({
      version: greenTaxonomy.version, categories: taxonomyCategories(), measures: greenTaxonomy.measures,
      entries: greenTaxonomy.entries.map((e) => ({ code: e.code, zh: e.zh, en: e.en, eligible: e.eligible, icmaCategory: e.icmaCategory, pbocLoanUse: e.pbocLoanUse, measures: e.measures })),
    }),
  },
  {
    id: 'bonds.reviewers', method: 'GET', path: '/api/bond-reviewers', tag, access: issue,
    summary: 'External reviewer institutions an issuer can ask for a review',
    handler: (_i: AuthenticatedInput, p) => p.services.bonds.reviewers(),
  },
  {
    id: 'bonds.create', method: 'POST', path: '/api/bonds', tag, access: issue, successStatus: 201,
    summary: 'Save a new framework draft (Idempotency-Key: a repeat returns the first draft)', body: 'api/bonds/bond.body',
    handler: (i: AuthenticatedInput, p) => p.services.bonds.create(i.actor, i.body),
  },
  {
    id: 'bonds.list', method: 'GET', path: '/api/bonds', tag, access: 'authenticated',
    summary: 'Bonds in the caller’s scope (issuer: its own; reviewer: assigned to it; regulator: all)', query: 'api/bonds/bond-list.query',
    handler: (i: AuthenticatedInput<unknown, { state?: string; limit: number; offset: number }>, p) => p.services.bonds.list(i.principal, states(i.query.state), i.query),
  },
  {
    id: 'bonds.get', method: 'GET', path: '/api/bonds/:id', tag, access: 'authenticated',
    summary: 'One bond with its ledger and allowed actions (another tenant’s bond: 404)', params: 'api/common/id.params',
    handler: (i: AuthenticatedInput<unknown, unknown, Id>, p) => p.services.bonds.get(i.principal, i.params.id),
  },
  {
    id: 'bonds.update', method: 'PUT', path: '/api/bonds/:id', tag, access: issue,
    summary: 'Replace the framework draft (DRAFT_FRAMEWORK only)', params: 'api/common/id.params', body: 'api/bonds/bond.body',
    handler: (i: AuthenticatedInput<never, unknown, Id>, p) => p.services.bonds.updateFramework(i.actor, i.params.id, i.body),
  },
  {
    id: 'bonds.submit', method: 'POST', path: '/api/bonds/:id/submit', tag, access: issue,
    summary: 'DRAFT_FRAMEWORK → EXTERNAL_REVIEW_PENDING (framework complete, every project eligible)', params: 'api/common/id.params', body: 'api/bonds/submit.body',
    handler: (i: AuthenticatedInput<{ reviewerInstitutionId: string }, unknown, Id>, p) => p.services.bonds.submitForReview(i.actor, i.params.id, i.body.reviewerInstitutionId),
  },
  {
    id: 'bonds.review', method: 'POST', path: '/api/bonds/:id/review', tag, access: review,
    summary: 'EXTERNAL_REVIEW_PENDING → REVIEWED: type, opinion and the report document (SHA-256 recorded); the issuer cannot review itself', params: 'api/common/id.params', body: 'api/bonds/review.body',
    handler: (i: AuthenticatedInput<never, unknown, Id>, p) => p.services.bonds.review(i.actor, i.params.id, i.body),
  },
  {
    id: 'bonds.request-changes', method: 'POST', path: '/api/bonds/:id/request-changes', tag, access: review,
    summary: 'EXTERNAL_REVIEW_PENDING → DRAFT_FRAMEWORK with the reviewer’s reason', params: 'api/common/id.params', body: 'api/bonds/reason.body',
    handler: (i: AuthenticatedInput<{ reason: string }, unknown, Id>, p) => p.services.bonds.requestChanges(i.actor, i.params.id, i.body.reason),
  },
  {
    id: 'bonds.register', method: 'POST', path: '/api/bonds/:id/register', tag, access: issue,
    summary: 'REVIEWED → REGISTERED with the issuance terms (amount, coupon, tenor, planned date) and registration number', params: 'api/common/id.params', body: 'api/bonds/register.body',
    handler: (i: AuthenticatedInput<never, unknown, Id>, p) => p.services.bonds.register(i.actor, i.params.id, i.body),
  },
  {
    id: 'bonds.issue', method: 'POST', path: '/api/bonds/:id/issue', tag, access: issue,
    summary: 'REGISTERED → ISSUED: proceeds = the registered amount; maturity = issue date + tenor', params: 'api/common/id.params', body: 'api/bonds/issue.body',
    handler: (i: AuthenticatedInput<{ issueDate: string }, unknown, Id>, p) => p.services.bonds.issue(i.actor, i.params.id, i.body.issueDate),
  },
  {
    id: 'bonds.cancel', method: 'POST', path: '/api/bonds/:id/cancel', tag, access: issue,
    summary: 'Cancel before issue', params: 'api/common/id.params', body: 'api/bonds/reason.body',
    handler: (i: AuthenticatedInput<{ reason: string }, unknown, Id>, p) => p.services.bonds.cancel(i.actor, i.params.id, i.body.reason),
  },
  {
    id: 'bonds.mature', method: 'POST', path: '/api/bonds/:id/mature', tag, access: issue,
    summary: 'ISSUED | ALLOCATING | FULLY_ALLOCATED → MATURED once the maturity date is reached', params: 'api/common/id.params', body: 'api/bonds/empty.body',
    handler: (i: AuthenticatedInput<unknown, unknown, Id>, p) => p.services.bonds.mature(i.actor, i.params.id),
  },
  {
    id: 'bonds.allocations.propose', method: 'POST', path: '/api/bonds/:id/allocations', tag, access: issue, successStatus: 201,
    summary: 'Propose an allocation of proceeds to an eligible project (look-back checked; never above the proceeds not yet committed)', params: 'api/common/id.params', body: 'api/bonds/allocation.body',
    handler: (i: AuthenticatedInput<never, unknown, Id>, p) => p.services.bonds.proposeAllocation(i.actor, i.params.id, i.body),
  },
  {
    id: 'bonds.allocations.approve', method: 'POST', path: '/api/bonds/:id/allocations/:allocationId/approve', tag, access: check,
    summary: 'The checker (≠ maker) approves: ISSUED/ALLOCATING → ALLOCATING, or FULLY_ALLOCATED with the last fen', params: 'api/bonds/allocation.params', body: 'api/bonds/empty.body',
    handler: (i: AuthenticatedInput<unknown, unknown, { id: string; allocationId: string }>, p) => p.services.bonds.approveAllocation(i.actor, i.params.id, i.params.allocationId),
  },
  {
    id: 'bonds.allocations.reject', method: 'POST', path: '/api/bonds/:id/allocations/:allocationId/reject', tag, access: check,
    summary: 'The checker (≠ maker) rejects: the amount is released', params: 'api/bonds/allocation.params', body: 'api/bonds/empty.body',
    handler: (i: AuthenticatedInput<unknown, unknown, { id: string; allocationId: string }>, p) => p.services.bonds.rejectAllocation(i.actor, i.params.id, i.params.allocationId),
  },
  {
    id: 'bonds.projects.ineligible', method: 'POST', path: '/api/bonds/:id/projects/:projectId/ineligible', tag, access: review,
    summary: 'The reviewer finds a project ineligible: a bond that financed it is DELABELLED', params: 'api/bonds/project.params', body: 'api/bonds/reason.body',
    handler: (i: AuthenticatedInput<{ reason: string }, unknown, { id: string; projectId: string }>, p) => p.services.bonds.markProjectIneligible(i.actor, i.params.id, i.params.projectId, i.body.reason),
  },
  // ---- a bank's green financial bond: its own green loans ----
  {
    id: 'bonds.loans.eligible', method: 'GET', path: '/api/bonds/:id/eligible-loans', tag, access: issue,
    summary: 'The issuing bank’s ACTIVE green loans not yet linked to any bond, with the benefit measures of their taxonomy code', params: 'api/common/id.params',
    handler: (i: AuthenticatedInput<unknown, unknown, Id>, p) => p.services.bonds.eligibleLoans(i.principal, i.params.id),
  },
  {
    id: 'bonds.loans.link', method: 'POST', path: '/api/bonds/:id/linked-loans', tag, access: issue, successStatus: 201,
    summary: 'Link one of the bank’s ACTIVE green loans to its ISSUED/ALLOCATING green financial bond: the loan’s amount is allocated (never beyond the proceeds; one bond per loan)', params: 'api/common/id.params', body: 'api/bonds/link-loan.body',
    handler: (i: AuthenticatedInput<never, unknown, Id>, p) => p.services.bonds.linkLoan(i.actor, i.params.id, i.body),
  },
  {
    id: 'bonds.loans.unlink', method: 'POST', path: '/api/bonds/:id/linked-loans/:loanId/unlink', tag, access: issue,
    summary: 'Unlink a loan: its amount returns to the unallocated proceeds (ALLOCATING) and the loan can be linked again', params: 'api/bonds/linked-loan.params', body: 'api/bonds/reason.body',
    handler: (i: AuthenticatedInput<{ reason: string }, unknown, { id: string; loanId: string }>, p) => p.services.bonds.unlinkLoan(i.actor, i.params.id, i.params.loanId, i.body.reason),
  },
  // ---- impact reports ----
  {
    id: 'bonds.reports.create', method: 'POST', path: '/api/bonds/:id/impact-reports', tag, access: issue, successStatus: 201,
    summary: 'Draft the annual allocation and impact report (totals = the sum of the projects’ benefits)', params: 'api/common/id.params', body: 'api/bonds/impact-report.body',
    handler: (i: AuthenticatedInput<never, unknown, Id>, p) => p.services.bondReports.draft(i.actor, i.params.id, i.body),
  },
  {
    id: 'bonds.reports.for-bond', method: 'GET', path: '/api/bonds/:id/impact-reports', tag, access: 'authenticated',
    summary: 'The bond’s impact reports by year', params: 'api/common/id.params',
    handler: (i: AuthenticatedInput<unknown, unknown, Id>, p) => p.services.bondReports.listForBond(i.principal, i.params.id),
  },
  {
    id: 'bonds.reports.list', method: 'GET', path: '/api/bond-impact-reports', tag, access: 'authenticated',
    summary: 'Impact reports in the caller’s scope (a reviewer’s verification queue: state=DRAFT)', query: 'api/bonds/report-list.query',
    handler: (i: AuthenticatedInput<unknown, { state?: string }>, p) => p.services.bondReports.list(i.principal, states(i.query.state)),
  },
  {
    id: 'bonds.reports.get', method: 'GET', path: '/api/bond-impact-reports/:id', tag, access: 'authenticated',
    summary: 'One impact report', params: 'api/common/id.params',
    handler: (i: AuthenticatedInput<unknown, unknown, Id>, p) => p.services.bondReports.get(i.principal, i.params.id),
  },
  {
    id: 'bonds.reports.verify', method: 'POST', path: '/api/bond-impact-reports/:id/verify', tag, access: review,
    summary: 'DRAFT → VERIFIED by the bond’s external reviewer', params: 'api/common/id.params', body: 'api/bonds/verify.body',
    handler: (i: AuthenticatedInput<{ note: string }, unknown, Id>, p) => p.services.bondReports.verify(i.actor, i.params.id, i.body.note),
  },
  {
    id: 'bonds.reports.publish', method: 'POST', path: '/api/bond-impact-reports/:id/publish', tag, access: issue,
    summary: 'VERIFIED → PUBLISHED by the issuer', params: 'api/common/id.params', body: 'api/bonds/empty.body',
    handler: (i: AuthenticatedInput<unknown, unknown, Id>, p) => p.services.bondReports.publish(i.actor, i.params.id),
  },
  {
    id: 'bonds.reports.pdf', method: 'GET', path: '/api/bond-impact-reports/:id/report.pdf', tag, access: 'authenticated',
    summary: 'The impact report as a PDF (Chinese)', params: 'api/common/id.params',
    handler: async (i: AuthenticatedInput<unknown, unknown, Id>, p) => {
      const report = await p.services.bondReports.get(i.principal, i.params.id);
      const bond = await p.services.bonds.get(i.principal, report.bondId);
      const body = await buildImpactReportPdf(report, bond, bond.issuerName);
      return { body, headers: { 'Content-Type': 'application/pdf', 'Content-Disposition': `attachment; filename="impact-report-${report.year}-${report.id}.pdf"` } };
    },
  },
];
