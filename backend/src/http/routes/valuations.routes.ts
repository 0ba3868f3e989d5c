import type { RevaluationPolicy } from '../../db/valuation-configs/valuation-config.repository.js';
import { buildStressReport } from '../../reports/stress-report.js';
import { buildValuationReport } from '../../reports/valuation-report.js';
import type { AuthenticatedInput, RouteSpec } from '../route.js';

type Id = { id: string };
const pdf = (body: Buffer, filename: string) => ({
  body, headers: { 'Content-Type': 'application/pdf', 'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(filename)}` },
});

export const valuationRoutes: RouteSpec[] = [
  {
    id: 'valuations.request', method: 'POST', path: '/api/assets/:id/valuations', tag: 'valuations', access: 'authenticated',
    summary: 'Value an asset: the owner’s preliminary estimate, or a bank’s lending valuation (verified assets only)', params: 'api/common/id.params', body: 'api/valuations/request.body', successStatus: 201,
    handler: (i: AuthenticatedInput<{ purpose: 'preliminary' | 'lending'; valuationDate?: string }, unknown, Id>, p) => p.services.valuations.request(i.actor, i.params.id, i.body),
  },
  {
    id: 'valuations.history', method: 'GET', path: '/api/assets/:id/valuations', tag: 'valuations', access: 'authenticated',
    summary: 'An asset’s valuations, newest first, with the change against the previous one', params: 'api/common/id.params',
    handler: async (i: AuthenticatedInput<unknown, unknown, Id>, p) => ({ items: await p.services.valuations.history(i.principal, i.params.id) }),
  },
  {
    id: 'valuations.get', method: 'GET', path: '/api/valuations/:id', tag: 'valuations', access: 'authenticated',
    summary: 'A stored valuation: request, price sources, configuration and engine versions, result', params: 'api/common/id.params',
    handler: (i: AuthenticatedInput<unknown, unknown, Id>, p) => p.services.valuations.get(i.principal, i.params.id),
  },
  {
    id: 'valuations.reproduce', method: 'POST', path: '/api/valuations/:id/reproduce', tag: 'valuations', access: 'authenticated', changesState: false,
    summary: 'Run the stored request again with the stored configuration version; identical = the same result', params: 'api/common/id.params',
    handler: (i: AuthenticatedInput<unknown, unknown, Id>, p) => p.services.valuations.reproduce(i.principal, i.params.id),
  },
  {
    id: 'valuations.report', method: 'GET', path: '/api/valuations/:id/report.pdf', tag: 'valuations', access: 'authenticated',
    summary: 'The valuation report (PDF, Chinese)', params: 'api/common/id.params',
    handler: async (i: AuthenticatedInput<unknown, unknown, Id>, p) => {
      const valuation = await p.services.valuations.get(i.principal, i.params.id);
      const asset = (await p.repositories.assets.findById(valuation.assetId))!;
      const owner = await p.repositories.subjects.findByIdUnscoped(asset.subjectId);
      return pdf(await buildValuationReport(valuation, asset, owner?.name ?? asset.subjectId), `估值报告-${asset.certificateNumber}-${valuation.valuationDate}.pdf`);
    },
  },
  {
    id: 'valuation-configs.list', method: 'GET', path: '/api/valuation-configs', tag: 'valuations', access: 'authenticated',
    summary: 'Versions of the valuation configuration, newest (in force) first',
    handler: async (_i: AuthenticatedInput, p) => ({ items: await p.services.valuationConfigs.list() }),
  },
  {
    id: 'valuation-configs.get', method: 'GET', path: '/api/valuation-configs/:version', tag: 'valuations', access: 'authenticated',
    summary: 'One version of the valuation configuration (“current” for the one in force)', params: 'api/valuations/version.params',
    handler: (i: AuthenticatedInput<unknown, unknown, { version: string }>, p) =>
      i.params.version === 'current' ? p.services.valuationConfigs.current() : p.services.valuationConfigs.version(i.params.version),
  },
  {
    id: 'valuation-configs.create', method: 'POST', path: '/api/valuation-configs', tag: 'valuations', access: { permission: 'valuation-config.manage' },
    summary: 'Store a new version of the valuation configuration (schema-validated; it takes effect at once)', body: 'api/valuations/config.body', successStatus: 201,
    handler: (i: AuthenticatedInput<{ config: unknown; revaluation: RevaluationPolicy }>, p) => p.services.valuationConfigs.create(i.actor, i.body),
  },
  {
    id: 'portfolio.stress', method: 'GET', path: '/api/portfolio/stress', tag: 'valuations', access: { permission: 'alerts.read' },
    summary: 'The caller’s bank: its pledged assets under the built-in stress scenarios', query: 'api/valuations/stress.query',
    handler: (i: AuthenticatedInput<unknown, { scenario?: string }>, p) => p.services.stress.forBank(i.principal, i.query.scenario),
  },
  {
    id: 'portfolio.stress-report', method: 'GET', path: '/api/portfolio/stress/report.pdf', tag: 'valuations', access: { permission: 'alerts.read' },
    summary: 'The stress test as a PDF download', query: 'api/valuations/stress.query',
    handler: async (i: AuthenticatedInput<unknown, { scenario?: string }>, p) => {
      const stress = await p.services.stress.forBank(i.principal, i.query.scenario);
      const bank = await p.repositories.institutions.findByIdUnscoped(i.principal.institutionId!);
      return pdf(await buildStressReport(stress, bank?.name ?? '', p.clock.now()), `压力测试-${stress.valuationDate}.pdf`);
    },
  },
];
