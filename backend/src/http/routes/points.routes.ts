import type { CaseKind, CaseState } from '../../db/points-cases/points-case.repository.js';
import type { SubmissionState } from '../../db/points-indicator-submissions/indicator-submission.repository.js';
import type { PageRequest } from '../../db/page.js';
import type { ReviewDecision } from '../../domain/points/review-workflow.js';
import type { SubmissionBody } from '../../domain/points/indicator-submissions.js';
import { buildCreditReport } from '../../reports/credit-report.js';
import type { AuthenticatedInput, RouteSpec } from '../route.js';

type Subject = { subjectId: string };
type Id = { id: string };
const subjectParams = 'api/points/subject-id.params';
const tag = 'points';

/** Reading a points account: the subject itself, platform readers, and a bank the subject applied to (summary, explanation, history, report). */
export const pointsAccountRoutes: RouteSpec[] = [
  {
    id: 'points.summary', method: 'GET', path: '/api/points/subjects/:subjectId', tag, access: 'authenticated', params: subjectParams,
    summary: 'Current score, grade and benefits (the stored snapshot with its rule-set version)',
    handler: (i: AuthenticatedInput<unknown, unknown, Subject>, p) => p.services.points.accounts.summary(i.principal, i.params.subjectId),
  },
  {
    id: 'points.explanation', method: 'GET', path: '/api/points/subjects/:subjectId/explanation', tag, access: 'authenticated', params: subjectParams,
    summary: 'Every line with its rule and reason, the grade scale, expiring points and how to reach the next grade',
    handler: (i: AuthenticatedInput<unknown, unknown, Subject>, p) => p.services.points.accounts.explanation(i.principal, i.params.subjectId),
  },
  {
    id: 'points.history', method: 'GET', path: '/api/points/subjects/:subjectId/history', tag, access: 'authenticated', params: subjectParams,
    summary: 'Points and grade at each of the last 12 month ends, each under the rule set in force then',
    handler: async (i: AuthenticatedInput<unknown, unknown, Subject>, p) => ({ items: await p.services.points.accounts.history(i.principal, i.params.subjectId) }),
  },
  {
    id: 'points.what-if', method: 'GET', path: '/api/points/subjects/:subjectId/what-if', tag, access: 'authenticated', params: subjectParams, query: 'api/points/what-if.query',
    summary: 'The fewest actions that reach a grade',
    handler: (i: AuthenticatedInput<unknown, { target: string }, Subject>, p) => p.services.points.accounts.whatIf(i.principal, i.params.subjectId, i.query.target),
  },
  {
    id: 'points.replay', method: 'GET', path: '/api/points/subjects/:subjectId/replay', tag, access: 'authenticated', params: subjectParams, query: 'api/points/replay.query',
    summary: 'The score as of a past date, under the rule-set version in force on that date',
    handler: (i: AuthenticatedInput<unknown, { asOf: string }, Subject>, p) => p.services.points.accounts.replay(i.principal, i.params.subjectId, i.query.asOf),
  },
  {
    id: 'points.ledger', method: 'GET', path: '/api/points/subjects/:subjectId/ledger', tag, access: 'authenticated', params: subjectParams, query: 'api/points/ledger.query',
    summary: 'The append-only ledger, newest first (each entry: event, rule and version, points, reason, hash chain)',
    handler: (i: AuthenticatedInput<unknown, PageRequest, Subject>, p) => p.services.points.accounts.ledger(i.principal, i.params.subjectId, i.query),
  },
  {
    id: 'points.ledger.verify', method: 'GET', path: '/api/points/subjects/:subjectId/ledger/verify', tag, access: 'authenticated', params: subjectParams,
    summary: 'Walks the subject’s ledger hash chain; names the first broken entry',
    handler: (i: AuthenticatedInput<unknown, unknown, Subject>, p) => p.services.points.accounts.verifyLedger(i.principal, i.params.subjectId),
  },
  {
    id: 'points.report', method: 'GET', path: '/api/points/subjects/:subjectId/report', tag, access: 'authenticated', params: subjectParams,
    summary: 'Ecological-credit report (PDF): grade, breakdown, explanations, rule-set version',
    handler: async (i: AuthenticatedInput<unknown, unknown, Subject>, p) => {
      const explanation = await p.services.points.accounts.explanation(i.principal, i.params.subjectId);
      const pdf = await buildCreditReport(explanation, p.clock.now());
      return { body: pdf, headers: { 'Content-Type': 'application/pdf', 'Content-Disposition': `attachment; filename="eco-credit-${i.params.subjectId}.pdf"` } };
    },
  },
];

/** Indicator data, objections and credit repair (subjects file; reviewers decide). */
export const pointsReviewRoutes: RouteSpec[] = [
  {
    id: 'points.indicators.submit', method: 'POST', path: '/api/points/indicator-submissions', tag, access: { permission: 'subject.own.update' },
    body: 'api/points/indicator-submission.body', successStatus: 201,
    summary: 'Submit an indicator value with evidence documents (uploaded first to /api/documents)',
    handler: (i: AuthenticatedInput<SubmissionBody>, p) => p.services.points.submissions.submit(i.actor, i.body),
  },
  {
    id: 'points.indicators.list', method: 'GET', path: '/api/points/indicator-submissions', tag, access: 'authenticated', query: 'api/points/submissions.query',
    summary: 'Indicator submissions: a subject’s own, newest first; the reviewer’s queue, oldest first',
    handler: (i: AuthenticatedInput<unknown, PageRequest & { state?: SubmissionState }>, p) => p.services.points.submissions.list(i.principal, i.query, i.query.state),
  },
  {
    id: 'points.indicators.decide', method: 'POST', path: '/api/points/indicator-submissions/:id/decision', tag, access: { permission: 'indicators.review' },
    params: 'api/common/id.params', body: 'api/points/decision.body',
    summary: 'Accept (scored at once) or reject an indicator submission',
    handler: (i: AuthenticatedInput<{ decision: ReviewDecision; note: string }, unknown, Id>, p) => p.services.points.submissions.decide(i.actor, i.params.id, i.body.decision, i.body.note),
  },
  {
    id: 'points.objections.file', method: 'POST', path: '/api/points/objections', tag, access: { permission: 'points.own.read' },
    body: 'api/points/objection.body', successStatus: 201,
    summary: 'Object to a ledger entry or to the grade within the publicity window',
    handler: (i: AuthenticatedInput<{ target: 'ledger_entry' | 'grade'; ledgerEntryId?: string; reason: string; documentIds: string[] }>, p) => p.services.points.cases.object(i.actor, i.body),
  },
  {
    id: 'points.credit-repairs.file', method: 'POST', path: '/api/points/credit-repairs', tag, access: { permission: 'subject.own.update' },
    body: 'api/points/credit-repair.body', successStatus: 201,
    summary: 'Apply for credit repair (yellow or red grade, within the repair window) with evidence',
    handler: (i: AuthenticatedInput<{ reason: string; documentIds: string[] }>, p) => p.services.points.cases.applyForRepair(i.actor, i.body),
  },
  {
    id: 'points.cases.list', method: 'GET', path: '/api/points/cases', tag, access: 'authenticated', query: 'api/points/cases.query',
    summary: 'Objections and credit-repair applications: a subject’s own; the reviewer’s queue by deadline, overdue flagged',
    handler: (i: AuthenticatedInput<unknown, PageRequest & { kind?: CaseKind; state?: CaseState }>, p) => p.services.points.cases.list(i.principal, i.query, i.query),
  },
  {
    id: 'points.cases.decide', method: 'POST', path: '/api/points/cases/:id/decision', tag, access: { permission: 'objections.review' },
    params: 'api/common/id.params', body: 'api/points/decision.body',
    summary: 'Decide an objection (accepted: the entry is reversed, the subject rescored) or a credit repair',
    handler: (i: AuthenticatedInput<{ decision: ReviewDecision; note: string }, unknown, Id>, p) => p.services.points.cases.decide(i.actor, i.params.id, i.body.decision, i.body.note),
  },
];
