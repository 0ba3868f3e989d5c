// Ecological product catalogue (目录清单) and monitoring series: entries, CSV imports with row-level
// errors, alerts. Thin: validation in schemas/api/catalogue, rules in domain/catalogue.
import type { EntryInput } from '../../domain/catalogue/catalogue-service.js';
import type { AuthenticatedInput, RouteSpec } from '../route.js';

type Id = { id: string };
const tag = 'catalogue';
const read = { permission: 'catalogue.read' } as const;

export const catalogueRoutes: RouteSpec[] = [
  {
    id: 'catalogue.create', method: 'POST', path: '/api/eco-catalogue', tag, access: { permission: 'catalogue.manage' }, successStatus: 201,
    summary: 'Add a catalogue entry: region, ecosystem, product or service, category, indicator with unit, department, data source, alert thresholds',
    body: 'api/catalogue/entry.body',
    handler: (i: AuthenticatedInput<EntryInput>, p) => p.services.catalogue.create(i.actor, i.body),
  },
  {
    id: 'catalogue.list', method: 'GET', path: '/api/eco-catalogue', tag, access: read,
    summary: 'Catalogue entries by region and ecosystem (shared reference data of the regions)', query: 'api/catalogue/list.query',
    handler: async (i: AuthenticatedInput<unknown, { region?: string; ecosystem?: string }>, p) => ({ items: await p.services.catalogue.list(i.query) }),
  },
  {
    id: 'catalogue.get', method: 'GET', path: '/api/eco-catalogue/:id', tag, access: read,
    summary: 'One entry with its monitoring series in date order and its alerts', params: 'api/common/id.params',
    handler: (i: AuthenticatedInput<unknown, unknown, Id>, p) => p.services.catalogue.get(i.params.id),
  },
  {
    id: 'catalogue.observations.import', method: 'POST', path: '/api/eco-catalogue/:id/observations/import', tag, access: { permission: 'monitoring.submit' },
    summary: 'Import a CSV (date,value,unit,source) into an entry the caller’s institution provides; any bad row (date, number, unit ≠ the indicator’s, a different value on a stored date): 400 with every row’s error, nothing stored',
    params: 'api/common/id.params', upload: { contentTypes: ['text/csv'], maxBytes: 5 * 1024 * 1024 },
    handler: (i: AuthenticatedInput<unknown, unknown, Id>, p) => p.services.catalogue.importCsv(i.actor, i.params.id, i.upload!.bytes),
  },
  {
    id: 'catalogue.alerts', method: 'GET', path: '/api/eco-monitoring-alerts', tag, access: read,
    summary: 'Monitoring alerts (below threshold, year-on-year drop), newest first', query: 'api/catalogue/alerts.query',
    handler: async (i: AuthenticatedInput<unknown, { region?: string }>, p) => ({ items: await p.services.catalogue.alerts(i.query) }),
  },
];
