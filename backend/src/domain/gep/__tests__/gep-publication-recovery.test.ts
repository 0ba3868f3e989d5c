// Publishing a correction touches two documents (the correction and the version it supersedes). These
// tests interrupt it between the steps — a repository that "crashes" on the chosen write — and check
// that the recovery (the gep.recovery job, or a public read) finishes or undoes it, so that a region
// and year never keep two published versions.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { startTestPlatform, type TestPlatform } from '../../../../test-support/test-platform.js';
import { GepRunRepository } from '../../../db/gep-runs/gep-run.repository.js';
import { gepRecoveryJob } from '../../../jobs/gep-recovery.job.js';
import { permissionsOf } from '../../identity/permissions.js';
import type { Principal } from '../../identity/principal.js';
import { GepService } from '../gep-service.js';

let t: TestPlatform;
const tokens: Record<string, string> = {};

/** A repository whose process dies at the write that matches `crashAt` (the write is not made). */
class CrashingRuns extends GepRunRepository {
  crashAt: ((set: Record<string, unknown>) => boolean) | null = null;
  override async transition(...args: Parameters<GepRunRepository['transition']>): ReturnType<GepRunRepository['transition']> {
    if (this.crashAt?.(args[3])) throw new Error('process killed');
    return super.transition(...args);
  }
}

const callerFor = async (username: string) => {
  const u = (await t.platform.repositories.users.findByUsername(username))!;
  const principal: Principal = { userId: u.id, username, roles: u.roles, permissions: new Set(permissionsOf(u.roles)), institutionId: u.institutionId };
  return { principal, requestId: 'test' };
};

const input = (region: string, recreation: string) => ({ region, year: 2029, population: 1000, areaKm2: '100', gdpFen: 1_000_000_000, quantities: { recreation } });

/** A published version 1 and a reviewed correction (version 2) of it, through the API. */
async function publishedWithReviewedCorrection(region: string): Promise<{ v1: string; v2: string }> {
  const v1 = (await t.api.post('/api/gep-runs', input(region, '10'), tokens['gep.preparer'])).body.id;
  await t.api.post(`/api/gep-runs/${v1}/review`, {}, tokens['gep.reviewer']);
  await t.api.post(`/api/gep-runs/${v1}/publish`, {}, tokens['gep.reviewer']);
  const v2 = (await t.api.post(`/api/gep-runs/${v1}/corrections`, { ...input(region, '12'), changeNote: '游客人次更正' }, tokens['gep.preparer'])).body.id;
  await t.api.post(`/api/gep-runs/${v2}/review`, {}, tokens['gep.reviewer']);
  return { v1, v2 };
}

const states = async (region: string) => (await t.api.get(`/api/gep-runs?region=${encodeURIComponent(region)}`, tokens['gep.reviewer'])).body.items
  .map((r: any) => [r.version, r.state, r.publishing ? 'intent' : null]);

beforeAll(async () => {
  t = await startTestPlatform({ seedDemo: true, start: new Date('2026-11-29T08:00:00Z') });
  for (const u of ['gep.preparer', 'gep.reviewer']) tokens[u] = await t.api.login(u);
}, 120_000);
afterAll(() => t.close());

describe('an interrupted publication of a correction', () => {
  test('killed after superseding version 1: nothing is published until the recovery job publishes version 2 (audited); a rerun changes nothing', async () => {
    const { v1, v2 } = await publishedWithReviewedCorrection('克拉玛依市');
    const runs = new CrashingRuns(t.platform.connection);
    runs.crashAt = (set) => set['state'] === 'PUBLISHED';
    const crashing = new GepService({ runs, audit: t.platform.services.audit, clock: t.clock });
    await expect(crashing.publish(await callerFor('gep.reviewer'), v2)).rejects.toThrow('process killed');
    expect(await states('克拉玛依市')).toEqual([[2, 'REVIEWED', 'intent'], [1, 'SUPERSEDED', null]]);

    await gepRecoveryJob.run(t.platform, async () => {});
    expect(await states('克拉玛依市')).toEqual([[2, 'PUBLISHED', null], [1, 'SUPERSEDED', null]]);
    const v2Now = (await t.api.get(`/api/gep-runs/${v2}`, tokens['gep.reviewer'])).body;
    expect([v2Now.publishedBy.username, v2Now.history.map((h: any) => h.action)]).toEqual(['gep.reviewer', ['review', 'publish.intent', 'publish']]);
    expect((await t.api.get(`/api/gep-runs/${v1}`, tokens['gep.reviewer'])).body.supersededBy).toBe(v2);
    const audit = await t.platform.services.audit.list({ limit: 50, offset: 0 }, { entityId: v2 });
    expect(audit.items.map((r) => r.action).filter((a) => a.startsWith('gep.publish'))).toEqual(['gep.publish.recovered']);
    expect(await t.platform.services.gep.recoverPublications()).toEqual({ finished: [], undone: [] });
  });

  test('killed right after recording the intent: a public read a minute later finishes it; the public list shows version 2 only', async () => {
    const { v1, v2 } = await publishedWithReviewedCorrection('哈密市');
    const runs = new CrashingRuns(t.platform.connection);
    runs.crashAt = (set) => set['state'] === 'SUPERSEDED';
    const crashing = new GepService({ runs, audit: t.platform.services.audit, clock: t.clock });
    await expect(crashing.publish(await callerFor('gep.reviewer'), v2)).rejects.toThrow('process killed');
    expect(await states('哈密市')).toEqual([[2, 'REVIEWED', 'intent'], [1, 'PUBLISHED', null]]);
    // within the minute a live publication may still be running: the public read leaves it alone
    expect((await t.api.get(`/api/public/gep-runs?region=${encodeURIComponent('哈密市')}`)).body.items.map((r: any) => r.id)).toEqual([v1]);
    t.clock.advance(61_000);
    expect((await t.api.get(`/api/public/gep-runs?region=${encodeURIComponent('哈密市')}`)).body.items.map((r: any) => [r.id, r.version, r.state])).toEqual([[v2, 2, 'PUBLISHED']]);
    expect(await states('哈密市')).toEqual([[2, 'PUBLISHED', null], [1, 'SUPERSEDED', null]]);
  });

  test('undone when another correction of the same version was published meanwhile: the intent is cleared, version 3 stays REVIEWED, one published version', async () => {
    const { v1, v2 } = await publishedWithReviewedCorrection('吐鲁番市');
    const v3 = (await t.api.post(`/api/gep-runs/${v1}/corrections`, { ...input('吐鲁番市', '15'), changeNote: '另一处更正' }, tokens['gep.preparer'])).body.id;
    await t.api.post(`/api/gep-runs/${v3}/review`, {}, tokens['gep.reviewer']);
    const runs = new CrashingRuns(t.platform.connection);
    runs.crashAt = (set) => set['state'] === 'SUPERSEDED';
    const crashing = new GepService({ runs, audit: t.platform.services.audit, clock: t.clock });
    await expect(crashing.publish(await callerFor('gep.reviewer'), v3)).rejects.toThrow('process killed');
    expect((await t.api.post(`/api/gep-runs/${v2}/publish`, {}, tokens['gep.reviewer'])).body.state).toBe('PUBLISHED');

    expect(await t.platform.services.gep.recoverPublications()).toEqual({ finished: [], undone: [v3] });
    expect(await states('吐鲁番市')).toEqual([[3, 'REVIEWED', null], [2, 'PUBLISHED', null], [1, 'SUPERSEDED', null]]);
    const again = await t.api.post(`/api/gep-runs/${v3}/publish`, {}, tokens['gep.reviewer']);
    expect([again.status, again.body.error.code, again.body.error.details.correctedState]).toEqual([409, 'GEP_RUN_INVALID_TRANSITION', 'SUPERSEDED']);
    expect(await states('吐鲁番市')).toEqual([[3, 'REVIEWED', null], [2, 'PUBLISHED', null], [1, 'SUPERSEDED', null]]);
  });
});
