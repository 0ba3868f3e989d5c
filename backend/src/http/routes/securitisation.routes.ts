// Securitisation of ecological-asset-backed loan pools (issue 14): the originating bank's pool,
// eligibility report, statistics, structure and projections, the external green review, issue,
// monthly servicer reports (JSON, PDF, CSV) and redemption. Thin: rules in domain/securitisation.
import { defaultSecuritisationConfig } from '@eco/scoring';
import { buildServicerReportPdf } from '../../reports/securitisation-servicer-report.js';
import { servicerReportCsv } from '../../domain/securitisation/servicer-report.js';
import type { AuthenticatedInput, RouteSpec } from '../route.js';

type Id = { id: string };
type Report = { id: string; period: string };
const originate = { permission: 'securitisation.originate' } as const;
const issue = { permission: 'securitisation.issue' } as const;
const review = { permission: 'securitisation.review' } as const;
const tag = 'securitisation';
const id = 'api/common/id.params';

export const securitisationRoutes: RouteSpec[] = [
  {
    id: 'securitisation.config', method: 'GET', path: '/api/securitisation-config', tag, access: 'authenticated',
    summary: 'The versioned securitisation configuration: projection scenarios, ecological stresses, default criteria',
    handler: async () => defaultSecuritisationConfig,
  },
  {
    id: 'securitisation.reviewers', method: 'GET', path: '/api/securitisation-reviewers', tag, access: originate,
    summary: 'External reviewer institutions an originating bank can ask for the green opinion',
    handler: (_i: AuthenticatedInput, p) => p.services.securitisation.reviewers(),
  },
  {
    id: 'securitisation.create', method: 'POST', path: '/api/securitisation-pools', tag, access: originate, successStatus: 201,
    summary: 'Create a pool draft of the caller’s bank', body: 'api/securitisation/pool.body',
    handler: (i: AuthenticatedInput<never>, p) => p.services.securitisation.create(i.actor, i.body),
  },
  {
    id: 'securitisation.list', method: 'GET', path: '/api/securitisation-pools', tag, access: 'authenticated',
    summary: 'Pools in the caller’s scope (originating bank: its own; reviewer: assigned to it; platform readers: issued pools)', query: 'api/common/page.query',
    handler: (i: AuthenticatedInput<unknown, { limit: number; offset: number }>, p) => p.services.securitisation.list(i.principal, i.query),
  },
  {
    id: 'securitisation.get', method: 'GET', path: '/api/securitisation-pools/:id', tag, access: 'authenticated',
    summary: 'One pool with its eligibility report, statistics, structure, review, reports and allowed actions (before issue only the originator and the reviewer see it: others 404)', params: id,
    handler: (i: AuthenticatedInput<unknown, unknown, Id>, p) => p.services.securitisation.get(i.principal, i.params.id),
  },
  {
    id: 'securitisation.select', method: 'POST', path: '/api/securitisation-pools/:id/select', tag, access: originate,
    summary: 'DRAFT: select the bank’s ACTIVE loans by criteria; every excluded loan is listed with every failed criterion; a loan sits in at most one pool', params: id, body: 'api/securitisation/select.body',
    handler: (i: AuthenticatedInput<{ criteria: Record<string, unknown> }, unknown, Id>, p) => p.services.securitisation.select(i.actor, i.params.id, i.body.criteria),
  },
  {
    id: 'securitisation.structure', method: 'POST', path: '/api/securitisation-pools/:id/structure', tag, access: originate,
    summary: 'DRAFT | STRUCTURED → STRUCTURED: tranches, fees, reserve account and the external reviewer asked', params: id, body: 'api/securitisation/structure.body',
    handler: (i: AuthenticatedInput<never, unknown, Id>, p) => p.services.securitisation.structure(i.actor, i.params.id, i.body),
  },
  {
    id: 'securitisation.project', method: 'POST', path: '/api/securitisation-pools/:id/projection', tag, access: 'authenticated',
    summary: 'Monthly tranche waterfall under scenarios (CDR, CPR, recovery rate and lag), optionally stressed with ecological scenarios: cash flows, WAL, loss, paid in full', params: id, body: 'api/securitisation/projection.body',
    handler: (i: AuthenticatedInput<never, unknown, Id>, p) => p.services.securitisation.project(i.principal, i.params.id, i.body),
  },
  {
    id: 'securitisation.review', method: 'POST', path: '/api/securitisation-pools/:id/review', tag, access: review,
    summary: 'STRUCTURED → REVIEWED: the assigned external reviewer’s green opinion with the report document (SHA-256 recorded), as for bonds', params: id, body: 'api/bonds/review.body',
    handler: (i: AuthenticatedInput<never, unknown, Id>, p) => p.services.securitisation.review(i.actor, i.params.id, i.body),
  },
  {
    id: 'securitisation.issue', method: 'POST', path: '/api/securitisation-pools/:id/issue', tag, access: issue,
    summary: 'REVIEWED → ISSUED by a checker (not the user who built the pool); the loans stay marked for this pool', params: id, body: 'api/securitisation/issue.body',
    handler: (i: AuthenticatedInput<{ issueDate: string }, unknown, Id>, p) => p.services.securitisation.issue(i.actor, i.params.id, i.body.issueDate),
  },
  {
    id: 'securitisation.reports.create', method: 'POST', path: '/api/securitisation-pools/:id/servicer-reports', tag, access: originate, successStatus: 201,
    summary: 'ISSUED | AMORTISING → AMORTISING: the servicer report of a finished month from the loans’ real repayments; tranche balances updated', params: id, body: 'api/securitisation/servicer-report.body',
    handler: (i: AuthenticatedInput<{ period: string }, unknown, Id>, p) => p.services.securitisation.recordServicerReport(i.actor, i.params.id, i.body.period),
  },
  {
    id: 'securitisation.reports.pdf', method: 'GET', path: '/api/securitisation-pools/:id/servicer-reports/:period/report.pdf', tag, access: 'authenticated',
    summary: 'The servicer report as PDF (Chinese)', params: 'api/securitisation/report.params',
    handler: async (i: AuthenticatedInput<unknown, unknown, Report>, p) => {
      const { pool, report, originatorName } = await p.services.securitisation.servicerReport(i.principal, i.params.id, i.params.period);
      const body = await buildServicerReportPdf(pool, report, originatorName);
      return { body, headers: { 'Content-Type': 'application/pdf', 'Content-Disposition': `attachment; filename="servicer-report-${report.period}-${pool.id}.pdf"` } };
    },
  },
  {
    id: 'securitisation.reports.csv', method: 'GET', path: '/api/securitisation-pools/:id/servicer-reports/:period/report.csv', tag, access: 'authenticated',
    summary: 'The servicer report as CSV: per-loan collections, totals, tranche rows (fen)', params: 'api/securitisation/report.params',
    handler: async (i: AuthenticatedInput<unknown, unknown, Report>, p) => {
      const { pool, report } = await p.services.securitisation.servicerReport(i.principal, i.params.id, i.params.period);
      return { body: Buffer.from(servicerReportCsv(pool.name, report), 'utf8'), headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="servicer-report-${report.period}-${pool.id}.csv"` } };
    },
  },
  {
    id: 'securitisation.redeem', method: 'POST', path: '/api/securitisation-pools/:id/redeem', tag, access: issue,
    summary: 'AMORTISING → REDEEMED once every tranche balance is 0, or once every pool loan has ended (CLOSED or WRITTEN_OFF) and the month it ended is reported: the balances left are recorded as the holders’ losses (bottom-up)', params: id, body: 'api/bonds/empty.body',
    handler: (i: AuthenticatedInput<unknown, unknown, Id>, p) => p.services.securitisation.redeem(i.actor, i.params.id),
  },
  {
    id: 'securitisation.cancel', method: 'POST', path: '/api/securitisation-pools/:id/cancel', tag, access: originate,
    summary: 'Cancel before issue: DRAFT | STRUCTURED | REVIEWED → CANCELLED; the loans are released', params: id, body: 'api/securitisation/cancel.body',
    handler: (i: AuthenticatedInput<{ reason: string }, unknown, Id>, p) => p.services.securitisation.cancel(i.actor, i.params.id, i.body.reason),
  },
];
