// A settlement whose objection window closes without an objection becomes FINAL by deemed acceptance
// (the compensation.deemed-acceptance job), recorded on the run as such and audited; rerunning the job
// changes nothing, and an objected run is left alone.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { startTestPlatform, type TestPlatform } from '../../../../test-support/test-platform.js';
import { compensationDeemedAcceptanceJob } from '../../../jobs/compensation-deemed-acceptance.job.js';

let t: TestPlatform;
const tokens: Record<string, string> = {};
const ids: Record<string, string> = {};
const DAY = 86_400_000;

beforeAll(async () => {
  t = await startTestPlatform({ seedDemo: true, start: new Date('2026-11-29T08:00:00Z') });
  for (const u of ['gov.aksu', 'gov.bayingolin', 'admin']) tokens[u] = await t.api.login(u);
  for (const u of ['gov.aksu', 'gov.bayingolin']) ids[u] = (await t.platform.repositories.users.findByUsername(u))!.institutionId!;
}, 120_000);
afterAll(() => t.close());

const relogin = async () => { for (const u of ['gov.aksu', 'gov.bayingolin', 'admin']) tokens[u] = await t.api.login(u); };
const runJob = () => compensationDeemedAcceptanceJob.run(t.platform, async () => {});

describe('deemed acceptance when the objection window closes', () => {
  test('a 7-day window: open on day 7, FINAL by deemed acceptance on day 8 naming the party that did not confirm; rerun and late objection change nothing', async () => {
    const tarim = (await t.api.get('/api/compensation/agreements?basinCode=tarim', tokens['admin'])).body.items[0];
    const agreement = await t.api.post('/api/compensation/agreements', {
      basinCode: 'tarim', upstreamInstitutionId: ids['gov.aksu'], downstreamInstitutionId: ids['gov.bayingolin'], title: '塔里木河2027年补偿协议（测试）',
      periodFrom: '2027-01-01', periodTo: '2027-12-31', terms: tarim.terms, objectionWindowDays: 7,
    }, tokens['admin']);
    const objected = await t.api.post(`/api/compensation/agreements/${agreement.body.id}/settlements`, { period: '2027-H1', monitoring: { pollutantMeans: { codmn: '3', nh3n: '0.4', tp: '0.08', tn: '0.8' }, deliveredM3: '3500000000' } }, tokens['admin']);
    await t.api.post(`/api/compensation/settlements/${objected.body.id}/object`, { reason: '断面数据待核' }, tokens['gov.bayingolin']);
    const run = await t.api.post(`/api/compensation/agreements/${agreement.body.id}/settlements`, { period: '2027', monitoring: { pollutantMeans: { codmn: '3', nh3n: '0.4', tp: '0.08', tn: '0.8' }, deliveredM3: '3500000000' } }, tokens['admin']);
    expect(run.body.objectionDeadline).toBe('2026-12-06T08:00:00.000Z');
    await t.api.post(`/api/compensation/settlements/${run.body.id}/confirm`, {}, tokens['gov.aksu']);

    t.clock.advance(7 * DAY);
    await relogin();
    await runJob();
    expect((await t.api.get(`/api/compensation/settlements/${run.body.id}`, tokens['gov.aksu'])).body).toMatchObject({ state: 'PENDING_CONFIRMATION', objectionOpen: true, deemedAcceptance: null });

    t.clock.advance(DAY);
    await relogin();
    expect(await t.platform.services.compensation.finaliseDeemedAccepted()).toEqual({ finalised: [run.body.id] });
    const final = (await t.api.get(`/api/compensation/settlements/${run.body.id}`, tokens['gov.bayingolin'])).body;
    expect(final).toMatchObject({
      state: 'FINAL', stateSince: '2026-12-07T08:00:00.000Z', objectionOpen: false,
      confirmations: { upstream: { username: 'gov.aksu' }, downstream: null },
      deemedAcceptance: { at: '2026-12-07T08:00:00.000Z', deadline: '2026-12-06T08:00:00.000Z', parties: ['downstream'] },
    });
    expect(final.history.map((h: any) => h.action)).toEqual(['confirm', 'deemAccepted']);
    const audit = await t.platform.services.audit.list({ limit: 20, offset: 0 }, { entityId: run.body.id });
    expect(audit.items.map((r) => r.action).sort()).toEqual(['compensation.settlement.confirm', 'compensation.settlement.deemed_accepted', 'compensation.settlement.run']);

    await runJob();
    expect(await t.platform.services.compensation.finaliseDeemedAccepted()).toEqual({ finalised: [] });
    expect((await t.api.get(`/api/compensation/settlements/${objected.body.id}`, tokens['admin'])).body).toMatchObject({ state: 'OBJECTED', deemedAcceptance: null });
    const late = await t.api.post(`/api/compensation/settlements/${run.body.id}/object`, { reason: '太晚了' }, tokens['gov.bayingolin']);
    expect([late.status, late.body.error.code]).toEqual([409, 'COMPENSATION_INVALID_TRANSITION']);
  });
});
