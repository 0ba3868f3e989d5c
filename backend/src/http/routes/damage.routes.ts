// Ecological damage compensation cases: the authority's officers open, assess, resolve, record
// payments and restoration and submit; a second officer closes; the responsible subject and banks it
// applied to read; the responsible enterprise files credit repair with a closed case.
// Thin: validation in schemas/api/damage, rules in domain/damage.
import type { AuthenticatedInput, RouteSpec } from '../route.js';

type Id = { id: string };
const manage = { permission: 'damage.manage' } as const;
const tag = 'damage';
const params = 'api/common/id.params';

export const damageRoutes: RouteSpec[] = [
  {
    id: 'damage.subjects', method: 'GET', path: '/api/damage-subjects', tag, access: manage,
    summary: 'Registered subjects a case can name as responsible party',
    handler: (_i: AuthenticatedInput, p) => p.services.damage.subjects(),
  },
  {
    id: 'damage.open', method: 'POST', path: '/api/damage-cases', tag, access: manage, successStatus: 201,
    summary: 'Open a case (→ OPENED); reported to the points engine as a general environmental incident of the responsible party', body: 'api/damage/open.body',
    handler: (i: AuthenticatedInput, p) => p.services.damage.open(i.actor, i.body),
  },
  {
    id: 'damage.list', method: 'GET', path: '/api/damage-cases', tag, access: 'authenticated',
    summary: 'Cases in the caller’s scope (authority: its own; responsible subject: its own; bank: subjects that applied to it; platform readers: all)', query: 'api/damage/list.query',
    handler: (i: AuthenticatedInput<unknown, { state?: never; limit: number; offset: number }>, p) => p.services.damage.list(i.principal, i.query.state, i.query),
  },
  {
    id: 'damage.get', method: 'GET', path: '/api/damage-cases/:id', tag, access: 'authenticated',
    summary: 'One case with its payments, restoration and allowed actions', params,
    handler: (i: AuthenticatedInput<unknown, unknown, Id>, p) => p.services.damage.get(i.principal, i.params.id),
  },
  {
    id: 'damage.assess', method: 'POST', path: '/api/damage-cases/:id/assess', tag, access: manage,
    summary: 'OPENED → ASSESSED: assessed damage and restoration cost with the assessment report', params, body: 'api/damage/assess.body',
    handler: (i: AuthenticatedInput<never, unknown, Id>, p) => p.services.damage.assess(i.actor, i.params.id, i.body),
  },
  {
    id: 'damage.resolve', method: 'POST', path: '/api/damage-cases/:id/resolve', tag, access: manage,
    summary: 'ASSESSED → RESOLVED: compensation agreement or court judgment with its payment plan', params, body: 'api/damage/resolve.body',
    handler: (i: AuthenticatedInput<never, unknown, Id>, p) => p.services.damage.resolve(i.actor, i.params.id, i.body),
  },
  {
    id: 'damage.payment', method: 'POST', path: '/api/damage-cases/:id/payments', tag, access: manage,
    summary: 'Record a payment (RESOLVED; never above the amount outstanding)', params, body: 'api/damage/payment.body',
    handler: (i: AuthenticatedInput<never, unknown, Id>, p) => p.services.damage.recordPayment(i.actor, i.params.id, i.body),
  },
  {
    id: 'damage.restoration', method: 'POST', path: '/api/damage-cases/:id/restoration', tag, access: manage,
    summary: 'Record restoration progress with evidence (RESOLVED)', params, body: 'api/damage/restoration.body',
    handler: (i: AuthenticatedInput<never, unknown, Id>, p) => p.services.damage.updateRestoration(i.actor, i.params.id, i.body),
  },
  {
    id: 'damage.submit', method: 'POST', path: '/api/damage-cases/:id/submit', tag, access: manage,
    summary: 'RESOLVED → UNDER_REVIEW: fully paid and restoration complete', params,
    handler: (i: AuthenticatedInput<unknown, unknown, Id>, p) => p.services.damage.submitForReview(i.actor, i.params.id),
  },
  {
    id: 'damage.review', method: 'POST', path: '/api/damage-cases/:id/review', tag, access: { permission: 'damage.review' },
    summary: 'UNDER_REVIEW → CLOSED or back to RESOLVED, by an officer other than the one who opened or submitted it', params, body: 'api/damage/review.body',
    handler: (i: AuthenticatedInput<{ decision: 'close' | 'return'; note: string }, unknown, Id>, p) => p.services.damage.review(i.actor, i.params.id, i.body.decision, i.body.note),
  },
  {
    id: 'damage.credit-repair', method: 'POST', path: '/api/damage-cases/:id/credit-repair', tag, access: { permission: 'points.own.read' }, successStatus: 201,
    summary: 'The responsible enterprise files credit repair with its closed case (paid and restored) as evidence', params, body: 'api/damage/repair.body',
    handler: (i: AuthenticatedInput<{ reason: string }, unknown, Id>, p) => p.services.damage.applyForCreditRepair(i.actor, i.params.id, i.body.reason),
  },
];
