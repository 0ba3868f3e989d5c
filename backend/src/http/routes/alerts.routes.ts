import type { AlertStatus } from '../../db/alerts/alert.repository.js';
import type { PageRequest } from '../../db/page.js';
import type { AuthenticatedInput, RouteSpec } from '../route.js';

export const alertRoutes: RouteSpec[] = [
  {
    id: 'alerts.list', method: 'GET', path: '/api/alerts', tag: 'alerts', access: { permission: 'alerts.read' },
    summary: 'LTV alerts of the caller’s bank, newest first', query: 'api/alerts/list.query',
    handler: (i: AuthenticatedInput<unknown, PageRequest & { status?: AlertStatus }>, p) => p.services.alerts.list(i.principal, i.query.status, i.query),
  },
  {
    id: 'alerts.acknowledge', method: 'POST', path: '/api/alerts/:id/acknowledge', tag: 'alerts', access: { permission: 'alerts.read' },
    summary: 'Acknowledge an open alert', params: 'api/common/id.params',
    handler: (i: AuthenticatedInput<unknown, unknown, { id: string }>, p) => p.services.alerts.acknowledge(i.actor, i.params.id),
  },
];
