// Horizontal ecological compensation in the six pilot basins: agreements, settlement runs with the
// calculation line by line, both parties' confirmation or objection, the statement PDF.
// Thin: validation in schemas/api/compensation, rules in domain/compensation.
import type { CompensationMonitoring } from '@eco/scoring';
import type { AgreementInput } from '../../domain/compensation/compensation-service.js';
import { buildSettlementStatementPdf } from '../../reports/gep-report.js';
import type { AuthenticatedInput, RouteSpec } from '../route.js';

type Id = { id: string };
const tag = 'compensation';
const read = { permission: 'compensation.read' } as const;
const manage = { permission: 'compensation.manage' } as const;
const confirm = { permission: 'compensation.confirm' } as const;

export const compensationRoutes: RouteSpec[] = [
  {
    id: 'compensation.basins', method: 'GET', path: '/api/compensation/basins', tag, access: read,
    summary: 'The six pilot basins with upstream and downstream regions and cross-sections',
    handler: async (_i: AuthenticatedInput, p) => ({ items: p.services.compensation.basins() }),
  },
  {
    id: 'compensation.agreements.create', method: 'POST', path: '/api/compensation/agreements', tag, access: manage, successStatus: 201,
    summary: 'An agreement between an upstream and a downstream government for a basin and period (terms validated against compensation/agreement-terms.schema.json)', body: 'api/compensation/agreement.body',
    handler: (i: AuthenticatedInput<AgreementInput>, p) => p.services.compensation.createAgreement(i.actor, i.body),
  },
  {
    id: 'compensation.agreements.list', method: 'GET', path: '/api/compensation/agreements', tag, access: read,
    summary: 'Agreements in the caller’s scope (a government: those it is party to; platform readers: all)', query: 'api/compensation/agreement-list.query',
    handler: async (i: AuthenticatedInput<unknown, { basinCode?: string }>, p) => ({ items: await p.services.compensation.listAgreements(i.principal, i.query.basinCode) }),
  },
  {
    id: 'compensation.agreements.get', method: 'GET', path: '/api/compensation/agreements/:id', tag, access: read,
    summary: 'One agreement with its settlement history (another government’s agreement: 404)', params: 'api/common/id.params',
    handler: (i: AuthenticatedInput<unknown, unknown, Id>, p) => p.services.compensation.getAgreement(i.principal, i.params.id),
  },
  {
    id: 'compensation.settlements.preview', method: 'POST', path: '/api/compensation/agreements/:id/settlements/preview', tag, access: manage, changesState: false,
    summary: 'The calculation of a period line by line without storing anything (shown before the settlement is run)', params: 'api/common/id.params', body: 'api/compensation/settlement.body',
    handler: (i: AuthenticatedInput<{ period: string; monitoring: CompensationMonitoring }, unknown, Id>, p) => p.services.compensation.previewSettlement(i.principal, i.params.id, i.body),
  },
  {
    id: 'compensation.settlements.run', method: 'POST', path: '/api/compensation/agreements/:id/settlements', tag, access: manage, successStatus: 201,
    summary: 'Settle a period from its monitoring data: water-quality index and schedule, water-quantity shortfall or surplus, GEP adjustment, pool cap — line by line', params: 'api/common/id.params', body: 'api/compensation/settlement.body',
    handler: (i: AuthenticatedInput<{ period: string; monitoring: CompensationMonitoring }, unknown, Id>, p) => p.services.compensation.runSettlement(i.actor, i.params.id, i.body),
  },
  {
    id: 'compensation.settlements.list', method: 'GET', path: '/api/compensation/settlements', tag, access: read,
    summary: 'Settlements in the caller’s scope, by period (history per basin)', query: 'api/compensation/settlement-list.query',
    handler: async (i: AuthenticatedInput<unknown, { basinCode?: string }>, p) => ({ items: await p.services.compensation.settlements(i.principal, i.query) }),
  },
  {
    id: 'compensation.settlements.get', method: 'GET', path: '/api/compensation/settlements/:id', tag, access: read,
    summary: 'One settlement with its lines, confirmations and objection window', params: 'api/common/id.params',
    handler: (i: AuthenticatedInput<unknown, unknown, Id>, p) => p.services.compensation.getSettlement(i.principal, i.params.id),
  },
  {
    id: 'compensation.settlements.confirm', method: 'POST', path: '/api/compensation/settlements/:id/confirm', tag, access: confirm,
    summary: 'The caller’s party confirms; when both have confirmed the settlement is FINAL', params: 'api/common/id.params', body: 'api/compensation/empty.body',
    handler: (i: AuthenticatedInput<unknown, unknown, Id>, p) => p.services.compensation.confirm(i.actor, i.params.id),
  },
  {
    id: 'compensation.settlements.object', method: 'POST', path: '/api/compensation/settlements/:id/object', tag, access: confirm,
    summary: 'The caller’s party objects within the window (→ OBJECTED; the period may be run again)', params: 'api/common/id.params', body: 'api/compensation/reason.body',
    handler: (i: AuthenticatedInput<{ reason: string }, unknown, Id>, p) => p.services.compensation.object(i.actor, i.params.id, i.body.reason),
  },
  {
    id: 'compensation.settlements.pdf', method: 'GET', path: '/api/compensation/settlements/:id/statement.pdf', tag, access: read,
    summary: 'The settlement statement as a PDF (Chinese)', params: 'api/common/id.params',
    handler: async (i: AuthenticatedInput<unknown, unknown, Id>, p) => {
      const settlement = await p.services.compensation.getSettlement(i.principal, i.params.id);
      const agreement = await p.services.compensation.agreementFor(i.principal, settlement);
      const body = await buildSettlementStatementPdf(settlement, agreement);
      return { body, headers: { 'Content-Type': 'application/pdf', 'Content-Disposition': `attachment; filename="compensation-${settlement.basinCode}-${settlement.period}.pdf"` } };
    },
  },
];
