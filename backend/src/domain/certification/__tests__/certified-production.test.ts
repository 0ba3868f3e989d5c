import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { startTestPlatform, type TestPlatform } from '../../../../test-support/test-platform.js';

// Evaluation year 2027: the enterprise rule set 1.1.0 is in force, with certified_production (yes/no,
// weight 4). Hotan's accepted data: discharge compliance 95 % (7,500 centipoints, weight 15) and no
// penalty (10,000, weight 15) — total 262,500 / 30 = 8,750 (blue) before any certificate.
let t: TestPlatform;
const tokens: Record<string, string> = {};
let hotan = '';

const summary = async () => (await t.api.get(`/api/points/subjects/${hotan}`, tokens['enterprise'])).body;
const certifiedLine = async () => (await t.api.get(`/api/points/subjects/${hotan}/explanation`, tokens['enterprise'])).body.result.lines.find((l: any) => l.indicatorId === 'certified_production');
const fed = () => t.platform.connection.db!.collection('points_indicator_submissions').find({ subjectId: hotan, indicatorId: 'certified_production' }).sort({ _id: 1 }).toArray();
const certificate = (number: string, validUntil: string) => ({
  certificateNumber: number, scheme: 'xinjiang_quality', producerSubjectId: hotan, productName: '和田骏枣',
  scope: '和田县骏枣种植基地 120 公顷所产骏枣的种植、采收与分级', validFrom: '2027-01-01', validUntil, documentIds: [],
});

async function accepted(indicatorId: string, value: number): Promise<void> {
  const doc = await t.api.request('POST', '/api/documents', { rawBody: `%PDF-1.4 ${indicatorId}`, token: tokens['enterprise'], headers: { 'Content-Type': 'application/pdf', 'X-Filename': `${indicatorId}.pdf` } });
  const sent = await t.api.post('/api/points/indicator-submissions', { indicatorId, value, period: '2027', documentIds: [doc.body.id] }, tokens['enterprise']);
  const decided = await t.api.post(`/api/points/indicator-submissions/${sent.body.id}/decision`, { decision: 'accept', note: '材料核验' }, tokens['verifier']);
  expect(decided.body.state).toBe('accepted');
}

beforeAll(async () => {
  t = await startTestPlatform({ seedDemo: true, start: new Date('2027-03-01T04:00:00Z') });
  for (const u of ['certifier', 'enterprise', 'verifier']) tokens[u] = await t.api.login(u);
  const producers = (await t.api.get('/api/certification/producers', tokens['certifier'])).body;
  hotan = producers.find((p: any) => p.name === '和田玉枣生态农业有限公司').id;
  await accepted('discharge_compliance', 95);
  await accepted('administrative_penalties', 0);
}, 120_000);
afterAll(() => t.close());

describe('certified production earns enterprise points (enterprise rule set 1.1.0)', () => {
  test('without a certificate the indicator has no data and the total is 8,750 (blue) under version 1.1.0', async () => {
    expect(await summary()).toMatchObject({ ruleSetVersion: '1.1.0', totalCentipoints: 8750, grade: 'blue', coverage: { withData: 2, total: 16 } });
    expect(await certifiedLine()).toMatchObject({ weight: 4, measure: null, scoreCentipoints: null, reason: 'missing_data' });
  });

  test('a valid certificate scores the indicator yes: (262,500 + 4 × 10,000) / 34 = 8,897', async () => {
    expect((await t.api.post('/api/certificates', certificate('XJPZ-2027-0301', '2027-03-10'), tokens['certifier'])).status).toBe(201);
    expect(await certifiedLine()).toMatchObject({ weight: 4, measure: 1, scoreCentipoints: 10000, reason: 'counted' });
    expect(await summary()).toMatchObject({ totalCentipoints: 8897, grade: 'blue', coverage: { withData: 3, total: 16 } });
    expect((await fed()).map((s) => [s['value'], s['state'], s['submittedBy'], s['note']])).toEqual([[true, 'accepted', 'certification', 'valid certificate XJPZ-2027-0301']]);
  });

  test('the day after the certificate expires the expiry job scores it no: 262,500 / 34 = 7,721 (yellow); rerunning records nothing', async () => {
    t.clock.advance(10 * 86_400_000); // 2027-03-11
    for (const u of ['certifier', 'enterprise']) tokens[u] = await t.api.login(u);
    expect(await t.platform.services.certifiedProduction.syncAll()).toBe(1);
    expect(await certifiedLine()).toMatchObject({ measure: 0, scoreCentipoints: 0, reason: 'counted' });
    expect(await summary()).toMatchObject({ totalCentipoints: 7721, grade: 'yellow' });
    expect(await t.platform.services.certifiedProduction.syncAll()).toBe(0);
    expect((await fed()).map((s) => s['value'])).toEqual([true, false]);
  });

  test('a new certificate scores yes again and its revocation scores no at once', async () => {
    const issued = await t.api.post('/api/certificates', certificate('XJPZ-2027-0311', '2027-12-31'), tokens['certifier']);
    expect((await summary()).totalCentipoints).toBe(8897);
    expect((await t.api.post(`/api/certificates/${issued.body.id}/revoke`, { reason: '抽检黄曲霉毒素超标' }, tokens['certifier'])).status).toBe(200);
    expect(await summary()).toMatchObject({ totalCentipoints: 7721, grade: 'yellow' });
    expect((await fed()).map((s) => s['value'])).toEqual([true, false, true, false]);
  });
});
