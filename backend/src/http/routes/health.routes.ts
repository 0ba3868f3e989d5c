import type { RouteSpec } from '../route.js';

export const healthRoutes: RouteSpec[] = [
  {
    id: 'health.get',
    method: 'GET',
    path: '/api/health',
    summary: 'Platform health: database engine and state, jobs, version',
    tag: 'platform',
    access: 'public',
    handler: async (_input, platform) => {
      const database = platform.databaseHealth();
      const jobs = platform.services.jobs.health();
      const ok = database.state === 'connected';
      return { status: ok ? 200 : 503, body: { status: ok ? 'ok' : 'degraded', version: platform.config.version, database, jobs } };
    },
  },
];
