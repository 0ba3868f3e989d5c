import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { startTestPlatform, type TestPlatform } from '../../../../test-support/test-platform.js';
import { busRide, loginAll, partnerWithKey, sendEvents, start, type Kit } from './points-test-kit.js';

let t: TestPlatform;
let kit: Kit;
let documentId: string;
const ayigul = () => kit.subjects['Ayigul Mamat']!;
const dayMs = 86_400_000;

async function upload(token: string, name: string): Promise<string> {
  const res = await t.api.request('POST', '/api/documents', { rawBody: `%PDF-1.4 ${name}`, token, headers: { 'Content-Type': 'application/pdf', 'X-Filename': encodeURIComponent(name) } });
  return res.body.id as string;
}

beforeAll(async () => {
  t = await startTestPlatform({ seedDemo: true, start });
  kit = await loginAll(t, ['admin', 'citizen', 'citizen2', 'verifier']);
  const transit = await partnerWithKey(t, kit.tokens['admin']!, 'Kashgar Bus', ['bus_ride']);
  const enforcement = await partnerWithKey(t, kit.tokens['admin']!, 'Kashgar Enforcement', ['illegal_discharge']);
  await sendEvents(t, transit.key, 'obj-bus-0001', [busRide('r-1', ayigul(), '2026-11-15T01:00:00Z'), busRide('r-2', ayigul(), '2026-11-16T01:00:00Z')]);
  await sendEvents(t, enforcement.key, 'obj-enf-0001', [{ partnerEventId: 'case-2026-118', subjectId: ayigul(), type: 'illegal_discharge', occurredAt: '2026-11-17T03:00:00Z', quantity: 1, evidenceRef: '喀环罚〔2026〕118号' }]);
  documentId = await upload(kit.tokens['citizen']!, '整改证明.pdf');
}, 120_000);
afterAll(() => t.close());

const ledgerOf = async () => (await t.api.get(`/api/points/subjects/${ayigul()}/ledger`, kit.tokens['citizen'])).body.items;
const totalOf = async () => (await t.api.get(`/api/points/subjects/${ayigul()}`, kit.tokens['citizen'])).body.totalCentipoints;

describe('an accepted objection reverses the entry with a new entry and rescoring follows', () => {
  let objectionId: string;

  test('before the objection the discharge costs 3 points: 2.40 − 3.00 = −0.60', async () => {
    expect(await totalOf()).toBe(-60);
  });

  test('the citizen objects to the discharge entry within the publicity window', async () => {
    const discharge = (await ledgerOf()).find((e: { ruleId: string }) => e.ruleId === 'illegal_discharge');
    const res = await t.api.post('/api/points/objections', { target: 'ledger_entry', ledgerEntryId: discharge.id, reason: '当天不在场，处罚对象有误', documentIds: [documentId] }, kit.tokens['citizen']);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ kind: 'objection', state: 'submitted', target: 'ledger_entry', overdue: false, dueBy: new Date(start.getTime() + 10 * dayMs).toISOString() });
    objectionId = res.body.id;
  });

  test('a second objection to the same entry while the first is open is refused', async () => {
    const discharge = (await ledgerOf()).find((e: { ruleId: string }) => e.ruleId === 'illegal_discharge');
    const res = await t.api.post('/api/points/objections', { target: 'ledger_entry', ledgerEntryId: discharge.id, reason: '再次提出异议' }, kit.tokens['citizen']);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('POINTS_CASE_ALREADY_OPEN');
  });

  test('another citizen cannot object to this entry (404)', async () => {
    const discharge = (await ledgerOf()).find((e: { ruleId: string }) => e.ruleId === 'illegal_discharge');
    const res = await t.api.post('/api/points/objections', { target: 'ledger_entry', ledgerEntryId: discharge.id, reason: '不是我的记录' }, kit.tokens['citizen2']);
    expect(res.status).toBe(404);
  });

  test('a citizen cannot decide an objection (403)', async () => {
    expect((await t.api.post(`/api/points/cases/${objectionId}/decision`, { decision: 'accept', note: '自己通过' }, kit.tokens['citizen'])).status).toBe(403);
  });

  test('after the review deadline the objection shows as overdue in the reviewer’s queue', async () => {
    t.clock.advance(11 * dayMs);
    const queue = await t.api.get('/api/points/cases?state=submitted', await t.api.login('verifier'));
    expect(queue.body.items.map((c: { id: string; overdue: boolean }) => [c.id, c.overdue])).toEqual([[objectionId, true]]);
    t.clock.advance(-11 * dayMs);
  });

  test('the verifier accepts: a reversing entry of +3.00 is appended, the total becomes 2.40, the chain still verifies', async () => {
    const res = await t.api.post(`/api/points/cases/${objectionId}/decision`, { decision: 'accept', note: '执法记录主体错误，予以撤销' }, kit.tokens['verifier']);
    expect(res.status).toBe(200);
    expect(res.body.state).toBe('accepted');
    const ledger = await ledgerOf();
    expect(ledger.map((e: { seq: number; ruleId?: string; centipoints: number; reason: string }) => [e.seq, e.ruleId ?? null, e.centipoints, e.reason])).toEqual([
      [4, null, 300, 'objection_reversal'],
      [3, 'illegal_discharge', -300, 'counted'],
      [2, 'bus_ride', 120, 'counted'],
      [1, 'bus_ride', 120, 'counted'],
    ]);
    expect(ledger[0].caseId).toBe(objectionId);
    expect(await totalOf()).toBe(240);
    expect((await t.api.get(`/api/points/subjects/${ayigul()}/ledger/verify`, kit.tokens['citizen'])).body.ok).toBe(true);
  });

  test('a decided objection cannot be decided again (409)', async () => {
    const res = await t.api.post(`/api/points/cases/${objectionId}/decision`, { decision: 'reject', note: '改判' }, kit.tokens['verifier']);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('POINTS_INVALID_TRANSITION');
  });

  test('an entry older than the 15-day publicity window can no longer be objected to', async () => {
    const bus = (await ledgerOf()).find((e: { ruleId: string }) => e.ruleId === 'bus_ride');
    t.clock.advance(16 * dayMs);
    const res = await t.api.post('/api/points/objections', { target: 'ledger_entry', ledgerEntryId: bus.id, reason: '乘车记录有误' }, await t.api.login('citizen'));
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('POINTS_OBJECTION_WINDOW_CLOSED');
    t.clock.advance(-16 * dayMs);
  });

  test('objecting to a ledger entry without naming it is refused with the field', async () => {
    const res = await t.api.post('/api/points/objections', { target: 'ledger_entry', reason: '没有指明条目' }, kit.tokens['citizen']);
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe('ledgerEntryId');
  });
});

describe('citizens cannot apply for credit repair', () => {
  test('credit repair is for enterprises and organisations graded yellow or red', async () => {
    const res = await t.api.post('/api/points/credit-repairs', { reason: '已整改完毕', documentIds: [documentId] }, kit.tokens['citizen']);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('POINTS_CREDIT_REPAIR_NOT_ELIGIBLE');
  });
});
