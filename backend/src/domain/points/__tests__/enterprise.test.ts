import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { databaseDigest, startTestPlatform, type TestPlatform } from '../../../../test-support/test-platform.js';
import { loginAll, partnerWithKey, sendEvents, start, type Kit } from './points-test-kit.js';

let t: TestPlatform;
let kit: Kit;
let documentId: string;
const hotan = () => kit.subjects['Hotan Jade Date Eco-Agriculture Co.']!;

async function upload(token: string, name: string): Promise<string> {
  const res = await t.api.request('POST', '/api/documents', { rawBody: `%PDF-1.4 ${name}`, token, headers: { 'Content-Type': 'application/pdf', 'X-Filename': encodeURIComponent(name) } });
  return res.body.id as string;
}

const submit = (body: Record<string, unknown>) => t.api.post('/api/points/indicator-submissions', body, kit.tokens['enterprise']);
const decide = (id: string, decision: string) => t.api.post(`/api/points/indicator-submissions/${id}/decision`, { decision, note: '材料核验' }, kit.tokens['verifier']);
const summary = async () => (await t.api.get(`/api/points/subjects/${hotan()}`, kit.tokens['enterprise'])).body;

beforeAll(async () => {
  t = await startTestPlatform({ seedDemo: true, start });
  kit = await loginAll(t, ['admin', 'enterprise', 'walnut.coop', 'verifier', 'citizen']);
  documentId = await upload(kit.tokens['enterprise']!, '2026年排污许可执行报告.pdf');
}, 120_000);
afterAll(() => t.close());

describe('enterprises submit indicator data with evidence; a reviewer accepts or rejects', () => {
  test('without data the enterprise has no grade and no coverage', async () => {
    expect(await summary()).toMatchObject({ totalCentipoints: 0, grade: null, coverage: { withData: 0, total: 15, shareBp: 0 } });
  });

  test('a submission keeps the SHA-256 of each evidence document', async () => {
    const res = await submit({ indicatorId: 'discharge_compliance', value: 100, period: '2026', documentIds: [documentId] });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ state: 'submitted', indicatorId: 'discharge_compliance', documentIds: [documentId] });
    expect(res.body.documentHashes[0]).toMatch(/^[0-9a-f]{64}$/);
  });

  test('a submission scores nothing until the reviewer accepts it', async () => {
    const queue = await t.api.get('/api/points/indicator-submissions?state=submitted', kit.tokens['verifier']);
    expect(queue.body.total).toBe(1);
    expect((await summary()).grade).toBeNull();
    const accepted = await decide(queue.body.items[0].id, 'accept');
    expect(accepted.body.state).toBe('accepted');
    expect(await summary()).toMatchObject({ totalCentipoints: 10000, grade: 'green', coverage: { withData: 1, total: 15 } });
  });

  test('a rejected submission changes nothing in the score', async () => {
    const res = await submit({ indicatorId: 'administrative_penalties', value: 5, period: '2026', documentIds: [documentId] });
    await decide(res.body.id, 'reject');
    expect(await summary()).toMatchObject({ totalCentipoints: 10000, coverage: { withData: 1 } });
  });

  test('an indicator the rule set does not have is refused with the field, and nothing is written', async () => {
    const before = await databaseDigest(t.platform);
    const res = await submit({ indicatorId: 'noise_level_db', value: 55, period: '2026', documentIds: [documentId] });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'indicatorId' });
    expect(await databaseDigest(t.platform)).toEqual(before);
  });

  test('another subject’s document cannot be attached', async () => {
    const foreign = await upload(kit.tokens['walnut.coop']!, '核桃林证书.pdf');
    const res = await submit({ indicatorId: 'noise', value: 1, period: '2026', documentIds: [foreign] });
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe('documentIds.0');
  });

  test('a citizen cannot submit indicator data', async () => {
    const res = await t.api.post('/api/points/indicator-submissions', { indicatorId: 'noise', value: 1, period: '2026', documentIds: [documentId] }, kit.tokens['citizen']);
    expect(res.status).toBe(403);
  });
});

describe('a veto forces red until credit repair is accepted', () => {
  test('an environmental crime reported by the enforcement partner forces red, with the veto and its end date', async () => {
    const enforcement = await partnerWithKey(t, kit.tokens['admin']!, 'Hotan Enforcement', ['environmental_crime']);
    await sendEvents(t, enforcement.key, 'veto-0001', [{ partnerEventId: 'crime-1', subjectId: hotan(), type: 'environmental_crime', occurredAt: '2026-11-19T02:00:00Z', quantity: 1, evidenceRef: '和田法院〔2026〕刑12号' }]);
    const s = await summary();
    expect(s).toMatchObject({ grade: 'red', baseGrade: 'green' });
    expect(s.vetoesApplied).toMatchObject([{ vetoId: 'environmental_crime', forceGrade: 'red', from: '2026-11-19', until: '2029-11-17' }]);
  });

  test('the enterprise applies for credit repair with evidence; the verifier accepts; the veto is lifted and the grade is green again', async () => {
    const filed = await t.api.post('/api/points/credit-repairs', { reason: '已完成整改并通过验收', documentIds: [documentId] }, kit.tokens['enterprise']);
    expect(filed.status).toBe(201);
    expect(filed.body).toMatchObject({ kind: 'credit_repair', grade: 'red', state: 'submitted' });
    const decided = await t.api.post(`/api/points/cases/${filed.body.id}/decision`, { decision: 'accept', note: '整改到位，准予信用修复' }, kit.tokens['verifier']);
    expect(decided.body.state).toBe('accepted');
    expect(await summary()).toMatchObject({ grade: 'green', vetoesApplied: [] });
  });

  test('a green enterprise is not eligible for repair', async () => {
    const res = await t.api.post('/api/points/credit-repairs', { reason: '再次申请修复', documentIds: [documentId] }, kit.tokens['enterprise']);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('POINTS_CREDIT_REPAIR_NOT_ELIGIBLE');
  });
});
