import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { startTestPlatform, type TestPlatform } from '../../../../test-support/test-platform.js';
import { busRide, loginAll, partnerWithKey, sendEvents, start, type Kit } from './points-test-kit.js';

let t: TestPlatform;
let kit: Kit;
const ayigul = () => kit.subjects['Ayigul Mamat']!;
const zhang = () => kit.subjects['Zhang Wei']!;

beforeAll(async () => {
  t = await startTestPlatform({ seedDemo: true, start });
  kit = await loginAll(t, ['admin', 'citizen', 'citizen2', 'bank.officer', 'bosten.officer', 'enterprise']);
  const partner = await partnerWithKey(t, kit.tokens['admin']!, 'Kashgar Transit', ['bus_ride', 'garbage_sorting']);
  await sendEvents(t, partner.key, 'accounts-0001', [
    busRide('k-1', ayigul(), '2026-09-10T01:00:00Z'),
    busRide('k-2', ayigul(), '2026-10-10T01:00:00Z'),
    busRide('k-3', ayigul(), '2026-11-10T01:00:00Z'),
    { partnerEventId: 'k-4', subjectId: ayigul(), type: 'garbage_sorting', occurredAt: '2026-11-12T01:00:00Z', quantity: 3 },
    busRide('k-5', zhang(), '2026-11-10T01:00:00Z'),
  ]);
}, 120_000);
afterAll(() => t.close());

describe('a citizen reads their own points account', () => {
  test('summary: total, grade, benefits and the rule-set version', async () => {
    const res = await t.api.get(`/api/points/subjects/${ayigul()}`, kit.tokens['citizen']);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      subjectName: '阿依古丽·买买提', totalCentipoints: 660, ledgerBalanceCentipoints: 660, grade: 'yellow', access: 'full',
      ruleSetId: 'individual-default', ruleSetVersion: '1.0.0', asOf: '2026-11-20',
    });
    expect(res.body.benefits).toMatchObject({ grade: 'yellow' });
  });

  test('the ledger lists one entry per event with its rule, version, points and reason, newest first', async () => {
    const res = await t.api.get(`/api/points/subjects/${ayigul()}/ledger`, kit.tokens['citizen']);
    expect(res.body.total).toBe(4);
    expect(res.body.items.map((e: { seq: number; ruleId: string; centipoints: number; reason: string; ruleSetVersion: string }) => [e.seq, e.ruleId, e.centipoints, e.reason, e.ruleSetVersion])).toEqual([
      [4, 'garbage_sorting', 300, 'counted', '1.0.0'],
      [3, 'bus_ride', 120, 'counted', '1.0.0'],
      [2, 'bus_ride', 120, 'counted', '1.0.0'],
      [1, 'bus_ride', 120, 'counted', '1.0.0'],
    ]);
  });

  test('the ledger’s hash chain verifies, and each entry links to the previous one', async () => {
    const verify = await t.api.get(`/api/points/subjects/${ayigul()}/ledger/verify`, kit.tokens['citizen']);
    expect(verify.body).toEqual({ ok: true, checked: 4, firstBroken: null });
    const ledger = (await t.api.get(`/api/points/subjects/${ayigul()}/ledger`, kit.tokens['citizen'])).body.items;
    expect(ledger[0].prevHash).toBe(ledger[1].hash);
    expect(ledger[3].prevHash).toBe('0'.repeat(64));
  });

  test('an edited ledger entry breaks the chain at that entry', async () => {
    await t.platform.connection.db!.collection('points_ledger').updateOne({ subjectId: zhang(), seq: 1 }, { $set: { centipoints: 9999 } });
    const verify = await t.api.get(`/api/points/subjects/${zhang()}/ledger/verify`, kit.tokens['citizen2']);
    expect(verify.body).toEqual({ ok: false, checked: 0, firstBroken: { seq: 1, reason: 'its contents do not match its hash' } });
  });

  test('history: 12 month ends, with points growing as the rides were made', async () => {
    const res = await t.api.get(`/api/points/subjects/${ayigul()}/history`, kit.tokens['citizen']);
    expect(res.body.items).toHaveLength(12);
    expect(res.body.items.slice(-4).map((h: { asOf: string; totalCentipoints: number }) => [h.asOf, h.totalCentipoints])).toEqual([
      ['2026-08-31', 0], ['2026-09-30', 120], ['2026-10-31', 240], ['2026-11-20', 660],
    ]);
    expect(res.body.items[0]).toEqual({ asOf: '2025-12-31', totalCentipoints: null, grade: null, ruleSet: null });
  });

  test('explanation: lines with labels, expiring points, grade scale and the way to the next grade', async () => {
    const res = await t.api.get(`/api/points/subjects/${ayigul()}/explanation`, kit.tokens['citizen']);
    expect(res.body.labels['bus_ride']).toEqual({ label: 'Bus ride', labelI18n: { 'zh-CN': '公交出行' }, unit: 'ride', unitI18n: { 'zh-CN': '次' }, category: 'green_travel' });
    expect(res.body.grades[0]).toEqual({ id: 'deep_green', label: 'Deep green', labelI18n: { 'zh-CN': '深绿', en: 'Deep green' }, minTotalCentipoints: res.body.grades[0].minTotalCentipoints });
    expect(res.body.grades.map((g: { id: string }) => g.id)).toEqual(['deep_green', 'light_green', 'yellow', 'red']);
    expect(res.body.expiring).toEqual([]);
    expect(res.body.nextGrade).toMatchObject({ targetGrade: 'light_green', currentGrade: 'yellow' });
  });

  test('what-if names the actions that reach a grade', async () => {
    const res = await t.api.get(`/api/points/subjects/${ayigul()}/what-if?target=light_green`, kit.tokens['citizen']);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ targetGrade: 'light_green', currentGrade: 'yellow' });
  });

  test('what-if refuses a grade the rule set does not have, naming the field', async () => {
    const res = await t.api.get(`/api/points/subjects/${ayigul()}/what-if?target=gold`, kit.tokens['citizen']);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'target' });
  });

  test('replay as of an earlier date uses that day’s evidence and the rule set then in force', async () => {
    const res = await t.api.get(`/api/points/subjects/${ayigul()}/replay?asOf=2026-10-15`, kit.tokens['citizen']);
    expect(res.body).toMatchObject({ asOf: '2026-10-15', totalCentipoints: 240, ruleSet: { id: 'individual-default', version: '1.0.0' } });
  });

  test('the credit report is a PDF with the embedded CJK font', async () => {
    const res = await fetch(`${t.baseUrl}/api/points/subjects/${ayigul()}/report`, { headers: { Authorization: `Bearer ${kit.tokens['citizen']}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(bytes.toString('latin1')).toMatch(/NotoSansSC/);
  });
});

describe('tenant isolation', () => {
  test('a citizen cannot read another citizen’s summary, ledger or report: 404 like a missing account', async () => {
    for (const path of ['', '/ledger', '/explanation', '/history', '/report']) {
      const res = await t.api.get(`/api/points/subjects/${zhang()}${path}`, kit.tokens['citizen']);
      expect([path, res.status]).toEqual([path, 404]);
    }
    const missing = await t.api.get('/api/points/subjects/0123456789abcdef01234567', kit.tokens['citizen']);
    const other = await t.api.get(`/api/points/subjects/${zhang()}`, kit.tokens['citizen']);
    expect(other.body).toEqual(missing.body);
  });

  test('an enterprise user cannot read a citizen', async () => {
    expect((await t.api.get(`/api/points/subjects/${ayigul()}`, kit.tokens['enterprise'])).status).toBe(404);
  });

  test('a bank without an application from the subject is refused', async () => {
    expect((await t.api.get(`/api/points/subjects/${ayigul()}`, kit.tokens['bank.officer'])).status).toBe(404);
    expect((await t.api.get(`/api/points/subjects/${ayigul()}/explanation`, kit.tokens['bank.officer'])).status).toBe(404);
  });

  test('a bank the subject applied to sees grade, score and explanation, but not the ledger', async () => {
    const tarim = (await t.api.get('/api/institutions?type=bank&limit=50', kit.tokens['admin'])).body.items.find((i: { nameEn: string }) => i.nameEn === 'Tarim Rural Commercial Bank').id;
    t.platform.services.bankRelationships.register({
      subjectAppliedTo: async (institutionId, subjectId) => institutionId === tarim && subjectId === ayigul(),
      assetOfferedTo: async () => false,
      assetsOfferedTo: async () => [],
    });
    const summary = await t.api.get(`/api/points/subjects/${ayigul()}`, kit.tokens['bank.officer']);
    expect(summary.body).toMatchObject({ grade: 'yellow', totalCentipoints: 660, access: 'applicant' });
    expect((await t.api.get(`/api/points/subjects/${ayigul()}/explanation`, kit.tokens['bank.officer'])).status).toBe(200);
    expect((await t.api.get(`/api/points/subjects/${ayigul()}/ledger`, kit.tokens['bank.officer'])).status).toBe(404);
    expect((await t.api.get(`/api/points/subjects/${ayigul()}`, kit.tokens['bosten.officer'])).status).toBe(404);
  });

  test('the platform admin reads any account', async () => {
    expect((await t.api.get(`/api/points/subjects/${zhang()}/ledger`, kit.tokens['admin'])).status).toBe(200);
  });
});
