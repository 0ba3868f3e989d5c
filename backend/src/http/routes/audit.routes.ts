import type { PageRequest } from '../../db/page.js';
import type { AuthenticatedInput, RouteSpec } from '../route.js';

export const auditRoutes: RouteSpec[] = [
  {
    id: 'audit.list', method: 'GET', path: '/api/audit', tag: 'audit', access: { permission: 'audit.read' },
    summary: 'Read the audit trail, newest first', query: 'api/audit/list.query',
    handler: (i: AuthenticatedInput<unknown, PageRequest & { entityType?: string; entityId?: string }>, p) =>
      p.services.audit.list(i.query, { entityType: i.query.entityType, entityId: i.query.entityId }),
  },
  {
    id: 'audit.verify', method: 'GET', path: '/api/audit/verify', tag: 'audit', access: { permission: 'audit.read' },
    summary: 'Verify the hash chain; names the first broken link',
    handler: (_i: AuthenticatedInput, p) => p.services.audit.verify(),
  },
];
