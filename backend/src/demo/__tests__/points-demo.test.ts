import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { startTestPlatform, type TestPlatform } from '../../../test-support/test-platform.js';

let t: TestPlatform;
const tokens: Record<string, string> = {};
const subjects: Record<string, string> = {};

beforeAll(async () => {
  t = await startTestPlatform({ seedDemo: true, start: new Date('2026-11-20T04:00:00Z'), env: { POINTS_DEMO: 'accounts' } });
  for (const user of ['admin', 'citizen', 'citizen2', 'enterprise', 'walnut.coop', 'verifier']) tokens[user] = await t.api.login(user);
  for (const s of (await t.api.get('/api/subjects?limit=200', tokens['admin'])).body.items as { id: string; nameEn: string }[]) subjects[s.nameEn] = s.id;
}, 120_000);
afterAll(() => t.close());

describe('the points demo', () => {
  test('Ayigul (citizen) has a year of events, a light-green grade, and a ride reported by two partners counted once', async () => {
    const summary = (await t.api.get(`/api/points/subjects/${subjects['Ayigul Mamat']}`, tokens['citizen'])).body;
    expect([summary.grade, summary.totalCentipoints]).toEqual(['light_green', 64215]);
    const ledger = (await t.api.get(`/api/points/subjects/${subjects['Ayigul Mamat']}/ledger?limit=1`, tokens['citizen'])).body;
    expect(ledger.total).toBe(256);
    const explanation = (await t.api.get(`/api/points/subjects/${subjects['Ayigul Mamat']}/explanation`, tokens['citizen'])).body;
    expect(explanation.result.lines.filter((l: { reason: string }) => l.reason === 'duplicate')).toHaveLength(1);
    const history = (await t.api.get(`/api/points/subjects/${subjects['Ayigul Mamat']}/history`, tokens['citizen'])).body.items;
    expect(history.at(-1).totalCentipoints).toBe(summary.totalCentipoints);
  });

  test('Zhang Wei (citizen2) has one pending objection, which sits in the verifier’s queue', async () => {
    const own = (await t.api.get('/api/points/cases', tokens['citizen2'])).body;
    expect(own.items.map((c: { kind: string; state: string }) => [c.kind, c.state])).toEqual([['objection', 'submitted']]);
    expect((await t.api.get('/api/points/cases?state=submitted', tokens['verifier'])).body.total).toBe(1);
  });

  test('the enterprises are graded from reviewed indicator data; one submission waits for review', async () => {
    const hotan = (await t.api.get(`/api/points/subjects/${subjects['Hotan Jade Date Eco-Agriculture Co.']}`, tokens['enterprise'])).body;
    expect(hotan).toMatchObject({ grade: 'blue', coverage: { withData: 13, total: 15 } });
    const walnut = (await t.api.get(`/api/points/subjects/${subjects['Aksu Walnut Under-Forest Cooperative']}`, tokens['walnut.coop'])).body;
    expect(walnut.grade).toBe('yellow');
    expect((await t.api.get('/api/points/indicator-submissions?state=submitted', tokens['verifier'])).body.total).toBe(1);
  });

  test('every subject was scored by the demo recompute run', async () => {
    const run = (await t.api.get('/api/points/recompute-runs/latest', tokens['admin'])).body;
    expect(run).toMatchObject({ state: 'completed', percent: 100 });
    expect(run.processed).toBe(run.total);
  });
});
