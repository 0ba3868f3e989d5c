import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { databaseDigest, startTestPlatform, type TestPlatform } from '../../../../test-support/test-platform.js';
import { loginAll, post, submitted, tarim, toAccepted, tokens, upload, waterAsset } from '../../loans/__tests__/loan-fixtures.js';

let t: TestPlatform;
const seasoned: string[] = [];
let reviewerId = '';

/** An ACTIVE Tarim loan of 200 000 yuan at 3.80 % for 24 months, disbursed on the given date. */
async function activeLoan(disbursementDate: string, owner = 'enterprise'): Promise<string> {
  const application = await submitted(t, [await waterAsset(t, owner)], [tarim()], owner);
  const loanId = application.offers[0].id as string;
  await toAccepted(t, loanId, 'bank.officer', 'bank.approver', owner);
  const res = await post(t, `/api/loans/${loanId}/disburse`, { disbursementDate }, 'bank.officer');
  if (res.status !== 200) throw new Error(`disburse: ${JSON.stringify(res.body)}`);
  return loanId;
}

const activeTarimLoans = async () => (await t.platform.services.loanRepositories.loans.list({ kind: 'bank', institutionId: tarim() }, { states: ['ACTIVE'] }, { limit: 1000, offset: 0 })).items;
const markerOf = async (loanId: string) => (await t.platform.services.loanRepositories.loans.find({ kind: 'all' }, loanId))?.securitisationPoolId ?? null;
const createPool = async (name: string) => {
  const res = await t.api.post('/api/securitisation-pools', { name }, tokens['bank.officer']);
  expect(res.status).toBe(201);
  return res.body.id as string;
};

beforeAll(async () => {
  t = await startTestPlatform({ seedDemo: true, start: new Date('2026-11-29T08:00:00Z') });
  await loginAll(t);
  tokens['reviewer'] = await t.api.login('reviewer');
  for (const date of ['2026-05-15', '2026-06-15', '2026-07-15']) seasoned.push(await activeLoan(date));
  reviewerId = String((await t.platform.connection.db!.collection('institutions').findOne({ type: 'external_reviewer', name: '天山绿色评估认证有限公司' }))!['_id']);
}, 300_000);
afterAll(() => t.close());

describe('a loan sits in at most one pool', () => {
  test('five pools selecting every active loan at the same moment: each loan is marked for exactly one of them', async () => {
    // the demo's pools hold their loans already: only the others are free to take
    const active = (await activeTarimLoans()).filter((l) => !l.securitisationPoolId).map((l) => l.id);
    const pools = await Promise.all([1, 2, 3, 4, 5].map((n) => createPool(`并发池 ${n}`)));
    const results = await Promise.all(pools.map((id) => post(t, `/api/securitisation-pools/${id}/select`, { criteria: {} }, 'bank.officer')));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    const included = results.flatMap((r) => r.body.loanIds as string[]);
    expect(new Set(included).size).toBe(included.length);
    expect([...included].sort()).toEqual([...active].sort());
    for (const r of results) for (const loanId of r.body.loanIds as string[]) expect(await markerOf(loanId)).toBe(r.body.id);
    for (const id of pools) expect((await post(t, `/api/securitisation-pools/${id}/cancel`, { reason: '测试' }, 'bank.officer')).status).toBe(200);
    for (const loanId of active) expect(await markerOf(loanId)).toBeNull();
  });
});

describe('pool life: select, structure, review, issue, servicer report', () => {
  let poolId = '';

  test('criteria exclude exactly the loans they should, each with its reason', async () => {
    poolId = await createPool('南疆节水灌溉贷款资产支持证券 2026-1');
    const res = await post(t, `/api/securitisation-pools/${poolId}/select`, { criteria: { minSeasoningMonths: 4, maxLtv: 0.7, maxBorrowerShare: 1 } }, 'bank.officer');
    expect(res.status).toBe(200);
    expect([...res.body.loanIds].sort()).toEqual([...seasoned].sort());
    const active = await activeTarimLoans();
    expect(res.body.eligibility.candidates).toBe(active.length);
    const excluded = res.body.eligibility.excluded as { loanId: string; failures: { criterion: string; reason: string }[] }[];
    expect(excluded.map((e) => e.loanId).sort()).toEqual(active.map((l) => l.id).filter((id) => !seasoned.includes(id)).sort());
    for (const e of excluded) expect(e.failures.map((f) => f.criterion)).toContain('SEASONING');
    // three loans of 20 000 000 fen at 3.80 % with 24 − 6, 24 − 5, 24 − 4 months left
    expect(res.body.statistics).toMatchObject({ count: 3, balanceFen: 60_000_000, weightedAverageRate: 0.038, weightedAverageRemainingMonths: 19, weightedAverageSeasoningMonths: 5 });
    for (const id of seasoned) expect(await markerOf(id)).toBe(poolId);
  });

  test('only the originating bank (and later the assigned reviewer) sees the pool before issue', async () => {
    for (const user of ['bosten.officer', 'regulator', 'reviewer']) expect((await t.api.get(`/api/securitisation-pools/${poolId}`, tokens[user])).status).toBe(404);
    expect((await t.api.get('/api/securitisation-pools', tokens['regulator'])).body.items.map((p: { id: string }) => p.id)).not.toContain(poolId);
  });

  test('structure: tranches above the pool balance are refused and nothing is written', async () => {
    const before = await databaseDigest(t.platform);
    const res = await post(t, `/api/securitisation-pools/${poolId}/structure`, {
      tranches: [{ name: 'A', class: 'senior', sizeFen: 60_000_001, couponRate: 0.03 }], feeRate: 0.002, reserve: { initialFen: 0, targetFen: 0 }, reviewerInstitutionId: reviewerId,
    }, 'bank.officer');
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'tranches' });
    expect(await databaseDigest(t.platform)).toEqual(before);
  });

  test('structure and projections: senior paid in full in every configured scenario; ecological stresses add projections', async () => {
    const res = await post(t, `/api/securitisation-pools/${poolId}/structure`, {
      tranches: [
        { name: 'A', class: 'senior', sizeFen: 48_000_000, couponRate: 0.028 },
        { name: 'B', class: 'mezzanine', sizeFen: 6_000_000, couponRate: 0.045 },
        { name: '次级', class: 'subordinated', sizeFen: 6_000_000, couponRate: 0 },
      ],
      feeRate: 0.002, reserve: { initialFen: 300_000, targetFen: 300_000 }, reviewerInstitutionId: reviewerId,
    }, 'bank.officer');
    expect([res.status, res.body.state]).toEqual([200, 'STRUCTURED']);
    const projection = await post(t, `/api/securitisation-pools/${poolId}/projection`, { ecological: ['drought'] }, 'bank.officer');
    expect(projection.status).toBe(200);
    expect(projection.body.projections.map((p: { scenario: { name: string } }) => p.scenario.name)).toEqual(['base', 'base+drought', 'adverse', 'adverse+drought', 'severe', 'severe+drought']);
    expect(projection.body.projections[0].tranches[0]).toMatchObject({ name: 'A', paidInFull: true, lossFen: 0 });
    expect(projection.body.projections[0].months).toBe(19 + 6);
    expect((await t.api.get(`/api/securitisation-pools/${poolId}`, tokens['reviewer'])).status).toBe(200);
  });

  test('review by the assigned reviewer, then the officer may not issue it (the checker’s permission) but the approver may; an issued loan cannot join another pool', async () => {
    const documentId = await upload(t, tokens['reviewer']!, '第二方意见');
    const reviewed = await post(t, `/api/securitisation-pools/${poolId}/review`, { type: 'second_party_opinion', opinion: '资产池全部为节水灌溉绿色贷款', conclusion: 'aligned', documentId }, 'reviewer');
    expect([reviewed.status, reviewed.body.state]).toEqual([200, 'REVIEWED']);
    const byMaker = await post(t, `/api/securitisation-pools/${poolId}/issue`, { issueDate: '2026-11-29' }, 'bank.officer');
    expect([byMaker.status, byMaker.body.error?.code]).toEqual([403, 'FORBIDDEN']);
    const issued = await post(t, `/api/securitisation-pools/${poolId}/issue`, { issueDate: '2026-11-29' }, 'bank.approver');
    expect([issued.status, issued.body.state]).toEqual([200, 'ISSUED']);
    expect((await t.api.get(`/api/securitisation-pools/${poolId}`, tokens['regulator'])).status).toBe(200);
    expect((await t.api.get(`/api/securitisation-pools/${poolId}`, tokens['bosten.officer'])).status).toBe(404);

    const other = await createPool('另一资产池');
    const res = await post(t, `/api/securitisation-pools/${other}/select`, { criteria: {} }, 'bank.officer');
    expect(res.body.loanIds).not.toContain(seasoned[0]);
    expect(res.body.eligibility.excluded.find((e: { loanId: string }) => e.loanId === seasoned[0])).toEqual({ loanId: seasoned[0], failures: [{ criterion: 'IN_OTHER_POOL', reason: `already in pool ${poolId}` }] });
    await post(t, `/api/securitisation-pools/${other}/cancel`, { reason: '测试' }, 'bank.officer');
    expect(await markerOf(seasoned[0]!)).toBe(poolId);
  });

  test('the servicer report of October totals exactly the repayments recorded on the pool loans in October (JSON, CSV, PDF)', async () => {
    const payments: [string, number, string][] = [[seasoned[0]!, 900_000, '2026-10-15'], [seasoned[1]!, 880_000, '2026-10-16'], [seasoned[2]!, 100_000, '2026-10-20'], [seasoned[0]!, 50_000, '2026-11-02']];
    for (const [loanId, amountFen, date] of payments) {
      const r = await post(t, `/api/loans/${loanId}/repayments`, { amountFen, date }, 'bank.officer');
      expect(r.status).toBe(201);
    }
    const report = await post(t, `/api/securitisation-pools/${poolId}/servicer-reports`, { period: '2026-10' }, 'bank.officer');
    expect(report.status).toBe(201);
    const lines: { component: string; amountFen: number }[] = [];
    for (const id of seasoned) {
      const loan = (await t.platform.services.loanRepositories.loans.find({ kind: 'all' }, id))!;
      lines.push(...loan.repayments.filter((r) => String(r['date']).startsWith('2026-10')).flatMap((r) => r['lines'] as { component: string; amountFen: number }[]));
    }
    const sum = (components: string[]) => lines.filter((l) => components.includes(l.component)).reduce((s, l) => s + l.amountFen, 0);
    expect(report.body.collections).toEqual({
      principalFen: sum(['principal', 'early_principal']), interestFen: sum(['interest', 'accrued_interest']), penaltyFen: sum(['penalty']),
      totalFen: sum(['principal', 'early_principal', 'interest', 'accrued_interest', 'penalty']),
    });
    expect(report.body.collections.totalFen).toBe(1_880_000 - sum(['unapplied']));
    expect(report.body.repaymentRefs).toHaveLength(3);
    // senior interest = 48 000 000 × 2.8 % / 12 = 112 000; all principal goes to the senior tranche
    expect(report.body.tranches[0]).toMatchObject({ name: 'A', openingFen: 48_000_000, interestFen: 112_000, principalFen: report.body.collections.principalFen, closingFen: 48_000_000 - report.body.collections.principalFen });
    const pool = await t.api.get(`/api/securitisation-pools/${poolId}`, tokens['bank.officer']);
    expect([pool.body.state, pool.body.trancheBalances['A']]).toEqual(['AMORTISING', 48_000_000 - report.body.collections.principalFen]);

    const before = await databaseDigest(t.platform);
    const again = await post(t, `/api/securitisation-pools/${poolId}/servicer-reports`, { period: '2026-10' }, 'bank.officer');
    expect([again.status, again.body.error.code]).toEqual([409, 'SECURITISATION_CHECK_FAILED']);
    expect(await databaseDigest(t.platform)).toEqual(before);

    const csv = await fetch(`${t.baseUrl}/api/securitisation-pools/${poolId}/servicer-reports/2026-10/report.csv`, { headers: { Authorization: `Bearer ${tokens['bank.officer']}` } });
    const text = await csv.text();
    expect(text.split('\n').find((l) => l.startsWith('TOTAL,'))).toBe(`TOTAL,${report.body.collections.principalFen},${report.body.collections.interestFen},${report.body.collections.penaltyFen},0,0`);
    const pdf = await fetch(`${t.baseUrl}/api/securitisation-pools/${poolId}/servicer-reports/2026-10/report.pdf`, { headers: { Authorization: `Bearer ${tokens['regulator']}` } });
    expect([pdf.status, pdf.headers.get('content-type'), (await pdf.arrayBuffer()).byteLength > 1000]).toEqual([200, 'application/pdf', true]);
  });

  test('maker ≠ checker: the approver who built a pool cannot issue it; cancelling the reviewed pool releases its loan', async () => {
    const loanId = await activeLoan('2026-08-15');
    const created = await t.api.post('/api/securitisation-pools', { name: '审批人自建资产池' }, tokens['bank.approver']);
    const id = created.body.id as string;
    const selected = await post(t, `/api/securitisation-pools/${id}/select`, { criteria: {} }, 'bank.approver');
    expect(selected.body.loanIds).toEqual([loanId]);
    const structured = await post(t, `/api/securitisation-pools/${id}/structure`, {
      tranches: [{ name: 'A', class: 'senior', sizeFen: 16_000_000, couponRate: 0.028 }, { name: 'C', class: 'subordinated', sizeFen: 4_000_000, couponRate: 0 }],
      feeRate: 0, reserve: { initialFen: 0, targetFen: 0 }, reviewerInstitutionId: reviewerId,
    }, 'bank.approver');
    expect(structured.status).toBe(200);
    const documentId = await upload(t, tokens['reviewer']!, '第二方意见 2');
    expect((await post(t, `/api/securitisation-pools/${id}/review`, { type: 'second_party_opinion', opinion: '符合', conclusion: 'aligned', documentId }, 'reviewer')).status).toBe(200);
    const before = await databaseDigest(t.platform);
    const own = await post(t, `/api/securitisation-pools/${id}/issue`, { issueDate: '2026-11-29' }, 'bank.approver');
    expect([own.status, own.body.error.code]).toEqual([403, 'SECURITISATION_MAKER_CHECKER']);
    expect(await databaseDigest(t.platform)).toEqual(before);
    expect((await post(t, `/api/securitisation-pools/${id}/cancel`, { reason: '不再发行' }, 'bank.approver')).body.state).toBe('CANCELLED');
    expect(await markerOf(loanId)).toBeNull();
  });
});
