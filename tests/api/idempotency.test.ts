// Idempotency: a partner batch resent under the same Idempotency-Key, and workflow transitions resent
// with the same key, get the same answer and change nothing (database digest equal); the same event
// in a new batch is recognised and counted once.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { databaseDigest, startTestPlatform, type ApiResponse, type TestPlatform } from '../../backend/test-support/test-platform.js';
import * as loans from '../../backend/src/domain/loans/__tests__/loan-fixtures.js';
import * as bonds from '../../backend/src/domain/bonds/__tests__/bond-fixtures.js';

let t: TestPlatform;
let partnerKey = '';
let citizenSubjectId = '';
const figures: string[] = [];

beforeAll(async () => {
  t = await startTestPlatform({ seedDemo: true });
  await loans.loginAll(t);
  await bonds.loginAll(t);
  const admin = loans.tokens['admin'];
  const partner = await t.api.post('/api/institutions', { name: '幂等测试公交数据', type: 'data_partner', region: '乌鲁木齐', code: '91650100MA7I00098I' }, admin);
  partnerKey = (await t.api.post(`/api/points/partners/${partner.body.id as string}/keys`, { label: 'idempotency key', eventTypes: ['bus_ride'] }, admin)).body.key as string;
  citizenSubjectId = (await t.api.get('/api/me', await t.api.login('citizen'))).body.subject.id as string;
});
afterAll(async () => {
  console.log(['idempotency:', ...figures.map((f) => `  ${f}`)].join('\n'));
  await t.close();
});

const changedCollections = (a: Record<string, string>, b: Record<string, string>) => Object.keys({ ...a, ...b }).filter((k) => a[k] !== b[k]).sort();
const ingest = (key: string, events: unknown[]) =>
  t.api.request('POST', '/api/points/partner/events', { body: { events }, headers: { Authorization: `ApiKey ${partnerKey}`, 'Idempotency-Key': key } });
const ride = (id: string, minutesAgo: number) => ({ partnerEventId: id, subjectId: citizenSubjectId, type: 'bus_ride', occurredAt: new Date(Date.now() - minutesAgo * 60_000).toISOString(), quantity: 1 });

/** Sends a request once, then `replays` more times with the same key; returns the first answer and the collections the replays changed. */
async function replayed(send: () => Promise<ApiResponse>, replays = 3): Promise<{ first: ApiResponse; again: ApiResponse[]; changed: string[] }> {
  const first = await send();
  const before = await databaseDigest(t.platform);
  const again: ApiResponse[] = [];
  for (let i = 0; i < replays; i++) again.push(await send());
  // and a burst of concurrent replays
  again.push(...(await Promise.all([send(), send(), send(), send()])));
  return { first, again, changed: changedCollections(before, await databaseDigest(t.platform)) };
}

describe('idempotency', () => {
  test('a partner batch resent with the same Idempotency-Key: same answer, nothing changes', async () => {
    const events = [ride('idem-ride-1', 90), ride('idem-ride-2', 60), { ...ride('idem-bad', 30), subjectId: '0123456789abcdef01234567' }];
    const r = await replayed(() => ingest('idem-batch-0001', events));
    expect(r.first.status).toBe(200);
    expect(r.first.body).toMatchObject({ received: 3, stored: 2, alreadyReceived: 0, replayed: false });
    expect(r.first.body.rejected).toHaveLength(1);
    for (const res of r.again) expect([res.status, res.body]).toEqual([200, { ...r.first.body, replayed: true }]);
    expect(r.changed).toEqual([]);
    figures.push(`partner batch resent ${r.again.length}× (same key): ${r.changed.length} collections changed`);
  });

  test('the same key with a different batch is refused (409), nothing changes', async () => {
    const before = await databaseDigest(t.platform);
    const res = await ingest('idem-batch-0001', [ride('idem-ride-3', 20)]);
    expect([res.status, res.body.error.code, res.body.error.field]).toEqual([409, 'POINTS_IDEMPOTENCY_KEY_REUSED', 'Idempotency-Key']);
    expect(changedCollections(before, await databaseDigest(t.platform))).toEqual([]);
  });

  test('the same events in a new batch (new key) are recognised: no event, ledger entry or score changes', async () => {
    const before = await databaseDigest(t.platform);
    const res = await ingest('idem-batch-0002', [ride('idem-ride-1', 90), ride('idem-ride-2', 60)]);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ received: 2, stored: 0, alreadyReceived: 2, replayed: false });
    // Only the new batch's own receipt is recorded (the batch under its key, and its audit record).
    const changed = changedCollections(before, await databaseDigest(t.platform));
    expect(changed.filter((c) => !['points_ingest_batches', 'audit_records'].includes(c))).toEqual([]);
    figures.push(`same 2 events in a new batch: stored 0, already received 2; collections changed: ${changed.join(', ') || 'none'}`);
  });

  test('loan transitions resent with the same Idempotency-Key: same answer, nothing changes', async () => {
    const asset = await loans.waterAsset(t);
    const createKey = 'idem-loan-app-create-1';
    const draft = await replayed(() => loans.post(t, '/api/loan-applications', loans.applicationBody([asset], [loans.tarim()]), 'enterprise', createKey));
    const appId = draft.first.body.id as string;
    const steps: [string, string, unknown, string][] = [
      ['submit application', `/api/loan-applications/${appId}/submit`, {}, 'enterprise'],
    ];
    const results: { step: string; replays: number; changed: string[]; sameAnswer: boolean }[] = [];
    const record = (step: string, r: Awaited<ReturnType<typeof replayed>>) => {
      const sameAnswer = r.again.every((a) => a.status === r.first.status && JSON.stringify(a.body) === JSON.stringify(r.first.body));
      results.push({ step, replays: r.again.length, changed: r.changed, sameAnswer });
      return r;
    };
    record('create application', draft);
    let loanId = '';
    for (const [step, path, body, user] of steps) {
      const r = record(step, await replayed(() => loans.post(t, path, body, user, `idem-${step.replace(/ /g, '-')}-1`)));
      loanId = r.first.body.offers[0].id as string;
    }
    const loanSteps: [string, unknown, string][] = [
      ['start-review', {}, 'bank.officer'],
      ['assess', { taxonomyCode: '1.4-water_saving_irrigation', note: '节水灌溉，符合目录' }, 'bank.officer'],
      ['recommend', loans.recommendation(), 'bank.officer'],
      ['approve', { note: '同意' }, 'bank.approver'],
      ['accept', {}, 'enterprise'],
      ['disburse', {}, 'bank.officer'],
    ];
    for (const [step, body, user] of loanSteps) {
      const r = record(step, await replayed(() => loans.post(t, `/api/loans/${loanId}/${step}`, body, user, `idem-loan-${step}-1`)));
      expect([step, r.first.status]).toEqual([step, 200]);
    }
    const loan = (await t.api.get(`/api/loans/${loanId}`, loans.tokens['bank.officer'])).body;
    expect(loan.state).toBe('ACTIVE');
    for (const action of ['approve', 'accept', 'disburse']) expect([action, loan.history.filter((h: { action: string }) => h.action === action).length]).toEqual([action, 1]);
    figures.push(...results.map((r) => `${r.step.padEnd(20)} resent ${r.replays}×: same answer ${r.sameAnswer ? 'yes' : 'NO'}, collections changed ${r.changed.join(', ') || 'none'}`));
    expect(results.filter((r) => !r.sameAnswer || r.changed.length > 0)).toEqual([]);
  });

  test('bond transitions and an allocation resent with the same Idempotency-Key change nothing', async () => {
    const bond = await bonds.drafted(t);
    const results: { step: string; changed: string[]; sameAnswer: boolean; status: number }[] = [];
    const steps: [string, string, unknown, string][] = [
      ['bond submit', `/api/bonds/${bond.id as string}/submit`, { reviewerInstitutionId: bonds.ids['reviewer'] }, 'issuer'],
    ];
    for (const [step, path, body, user] of steps) {
      const r = await replayed(() => bonds.post(t, path, body, user, `idem-${step.replace(/ /g, '-')}-1`));
      results.push({ step, changed: r.changed, status: r.first.status, sameAnswer: r.again.every((a) => a.status === r.first.status && JSON.stringify(a.body) === JSON.stringify(r.first.body)) });
    }
    const issued = await bonds.bondIn(t, 'ISSUED');
    const projectId = (issued.projects as { id: string }[])[0]!.id;
    const alloc = await replayed(() => bonds.post(t, `/api/bonds/${issued.id as string}/allocations`, { projectId, amountFen: 5_000_000, expenditureDate: '2026-11-25', note: '' }, 'issuer', 'idem-alloc-0001'));
    results.push({ step: 'propose allocation', changed: alloc.changed, status: alloc.first.status, sameAnswer: alloc.again.every((a) => a.status === alloc.first.status && JSON.stringify(a.body) === JSON.stringify(alloc.first.body)) });
    figures.push(...results.map((r) => `${r.step.padEnd(20)} resent 7×: status ${r.status}, same answer ${r.sameAnswer ? 'yes' : 'NO'}, collections changed ${r.changed.join(', ') || 'none'}`));
    expect(results.map((r) => r.status)).toEqual([200, 201]);
    expect(results.filter((r) => !r.sameAnswer || r.changed.length > 0)).toEqual([]);
  });
});
