import type { PageRequest } from '../../db/page.js';
import { AppError } from '../../domain/errors/index.js';
import type { AuthenticatedInput, RouteSpec } from '../route.js';

type Id = { id: string };
const tag = 'points-admin';

/** Rule-set lifecycle, recompute and partner keys (platform admins). */
export const pointsAdminRoutes: RouteSpec[] = [
  {
    id: 'points.rule-sets.list', method: 'GET', path: '/api/points/rule-sets', tag, access: { permission: 'rulesets.manage' }, query: 'api/points/rule-sets.query',
    summary: 'Rule-set versions (every version stays)',
    handler: (i: AuthenticatedInput<unknown, PageRequest & { subjectType?: string }>, p) => p.services.points.ruleSets.list(i.query, i.query.subjectType),
  },
  {
    id: 'points.rule-sets.get', method: 'GET', path: '/api/points/rule-sets/:id', tag, access: { permission: 'rulesets.manage' }, params: 'api/common/id.params',
    summary: 'One version with its definition and its last simulation',
    handler: (i: AuthenticatedInput<unknown, unknown, Id>, p) => p.services.points.ruleSets.get(i.params.id),
  },
  {
    id: 'points.rule-sets.upload', method: 'POST', path: '/api/points/rule-sets', tag, access: { permission: 'rulesets.manage' }, body: 'api/points/rule-set.body', successStatus: 201,
    summary: 'Upload a new version (schema errors name the path, e.g. definition.rules.3.dailyCapCentipoints)',
    handler: (i: AuthenticatedInput<{ definition: unknown }>, p) => p.services.points.ruleSets.upload(i.actor, i.body.definition),
  },
  {
    id: 'points.rule-sets.simulate', method: 'POST', path: '/api/points/rule-sets/:id/simulate', tag, access: { permission: 'rulesets.manage' }, params: 'api/common/id.params',
    summary: 'Simulate the version against the present population: grade migration matrix and change distribution',
    handler: (i: AuthenticatedInput<unknown, unknown, Id>, p) => p.services.points.ruleSets.simulate(i.actor, i.params.id),
  },
  {
    id: 'points.rule-sets.schedule', method: 'POST', path: '/api/points/rule-sets/:id/schedule', tag, access: { permission: 'rulesets.manage' },
    params: 'api/common/id.params', body: 'api/points/schedule.body',
    summary: 'Schedule a simulated version to take effect on a future date',
    handler: (i: AuthenticatedInput<{ activateOn: string }, unknown, Id>, p) => p.services.points.ruleSets.schedule(i.actor, i.params.id, i.body.activateOn),
  },
  {
    id: 'points.rule-sets.withdraw', method: 'POST', path: '/api/points/rule-sets/:id/withdraw', tag, access: { permission: 'rulesets.manage' }, params: 'api/common/id.params',
    summary: 'Withdraw a version that has not taken effect',
    handler: (i: AuthenticatedInput<unknown, unknown, Id>, p) => p.services.points.ruleSets.withdraw(i.actor, i.params.id),
  },
  {
    id: 'points.recompute.start', method: 'POST', path: '/api/points/recompute-runs', tag, access: { permission: 'rulesets.manage' }, body: 'api/points/recompute.body', successStatus: 202,
    summary: 'Recompute every subject now (progress at /api/points/recompute-runs/latest)',
    handler: async (i: AuthenticatedInput<{ asOf?: string }>, p) => {
      const run = await p.services.points.recompute.start(i.actor, i.body.asOf);
      void p.services.points.recompute.run(run.id).catch((e: unknown) => p.logger.error({ err: e, runId: run.id }, 'points recompute failed; the nightly job resumes it'));
      return { status: 202, body: run };
    },
  },
  {
    id: 'points.recompute.latest', method: 'GET', path: '/api/points/recompute-runs/latest', tag, access: { permission: 'rulesets.manage' },
    summary: 'The latest recompute run: state, processed of total, percent',
    handler: async (_i: AuthenticatedInput, p) => {
      const run = await p.services.points.recompute.latest();
      if (!run) throw new AppError('NOT_FOUND', 'no recompute has run yet');
      return run;
    },
  },
  {
    id: 'points.partner-keys.issue', method: 'POST', path: '/api/points/partners/:id/keys', tag, access: { permission: 'admin.institutions' },
    params: 'api/common/id.params', body: 'api/points/partner-key.body', successStatus: 201,
    summary: 'Issue an API key to a data partner, limited to the event types named (the key is shown once)',
    handler: (i: AuthenticatedInput<{ label: string; eventTypes: string[] }, unknown, Id>, p) => p.services.points.partners.issue(i.actor, i.params.id, i.body),
  },
  {
    id: 'points.partner-keys.list', method: 'GET', path: '/api/points/partners/:id/keys', tag, access: { permission: 'admin.institutions' }, params: 'api/common/id.params',
    summary: 'A data partner’s keys (prefix and event types; never the key)',
    handler: async (i: AuthenticatedInput<unknown, unknown, Id>, p) => ({ items: await p.services.points.partners.list(i.params.id) }),
  },
];
