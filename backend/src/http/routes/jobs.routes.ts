import type { AuthenticatedInput, RouteSpec } from '../route.js';

export const jobRoutes: RouteSpec[] = [
  {
    id: 'jobs.list', method: 'GET', path: '/api/jobs', tag: 'jobs', access: { permission: 'jobs.read' },
    summary: 'Background jobs: status, progress, last run, last error, next run',
    handler: async (_i: AuthenticatedInput, p) => ({ items: await p.services.jobs.status() }),
  },
  {
    id: 'jobs.run', method: 'POST', path: '/api/jobs/:name/run', tag: 'jobs', access: { permission: 'jobs.run' },
    summary: 'Run a job now', params: 'api/jobs/name.params', successStatus: 202,
    handler: async (i: AuthenticatedInput<unknown, unknown, { name: string }>, p) => {
      await p.services.jobs.runNow(i.params.name);
      await p.services.audit.append(i.actor, { action: 'jobs.run', entityType: 'job', entityId: undefined, after: { name: i.params.name } });
      return { status: 202, body: { name: i.params.name, queued: true } };
    },
  },
];
