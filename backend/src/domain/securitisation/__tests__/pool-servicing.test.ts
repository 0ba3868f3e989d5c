import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { Types } from 'mongoose';
import { securitisationRecoveryJob } from '../../../jobs/securitisation-recovery.job.js';
import { databaseDigest, startTestPlatform, type TestPlatform } from '../../../../test-support/test-platform.js';
import { loginAll, post, submitted, tarim, toAccepted, tokens, upload, waterAsset } from '../../loans/__tests__/loan-fixtures.js';

let t: TestPlatform;
let reviewerId = '';
const DAY = 86_400_000;

/** An ACTIVE Tarim loan of 200 000 yuan at 3.80 % for 24 months (equal instalments), disbursed on the given date. */
async function activeLoan(disbursementDate: string): Promise<string> {
  const application = await submitted(t, [await waterAsset(t, 'enterprise')], [tarim()], 'enterprise');
  const loanId = application.offers[0].id as string;
  await toAccepted(t, loanId, 'bank.officer', 'bank.approver', 'enterprise');
  const res = await post(t, `/api/loans/${loanId}/disburse`, { disbursementDate }, 'bank.officer');
  if (res.status !== 200) throw new Error(`disburse: ${JSON.stringify(res.body)}`);
  return loanId;
}

const loanOf = async (loanId: string) => (await t.platform.services.loanRepositories.loans.find({ kind: 'all' }, loanId))!;
const markerOf = async (loanId: string) => (await loanOf(loanId)).securitisationPoolId ?? null;
const pools = () => t.platform.connection.db!.collection('securitisation_pools');
const poolDoc = async (id: string) => (await pools().findOne({ _id: new Types.ObjectId(id) }))!;
const createPool = async (name: string) => {
  const res = await t.api.post('/api/securitisation-pools', { name }, tokens['bank.officer']);
  expect(res.status).toBe(201);
  return res.body.id as string;
};
/** Moves the platform's clock on and logs the users in again (sessions expire). */
async function advanceDays(days: number): Promise<void> {
  t.clock.advance(days * DAY);
  for (const u of ['bank.officer', 'bank.approver', 'reviewer']) tokens[u] = await t.api.login(u);
}
const runRecoveryJob = async () => {
  await securitisationRecoveryJob.run(t.platform, async () => undefined);
};

type Line = { component: string; amountFen: number };
/** The lines of the loan's records of a kind dated in the month. */
async function linesOf(loanIds: string[], period: string, kind: 'repayment' | 'disposal'): Promise<Line[]> {
  const lines: Line[] = [];
  for (const id of loanIds) {
    const loan = await loanOf(id);
    lines.push(...loan.repayments.filter((r) => r['kind'] === kind && String(r['date']).startsWith(period)).flatMap((r) => r['lines'] as Line[]));
  }
  return lines;
}
const sum = (lines: Line[], components: string[]) => lines.filter((l) => components.includes(l.component)).reduce((s, l) => s + l.amountFen, 0);

beforeAll(async () => {
  t = await startTestPlatform({ seedDemo: true, start: new Date('2026-11-29T08:00:00Z') });
  await loginAll(t);
  tokens['reviewer'] = await t.api.login('reviewer');
  reviewerId = String((await t.platform.connection.db!.collection('institutions').findOne({ type: 'external_reviewer', name: '天山绿色评估认证有限公司' }))!['_id']);
}, 300_000);
afterAll(() => t.close());

describe('a pool selection interrupted by a crash is recovered by the securitisation.recovery job', () => {
  test('markers of loans the pool does not hold are removed once the pending selection is stale; the loans the pool holds keep theirs', async () => {
    const held = await activeLoan('2026-11-29');
    const poolId = await createPool('中断选择测试池');
    const selected = await post(t, `/api/securitisation-pools/${poolId}/select`, { criteria: {} }, 'bank.officer');
    expect(selected.status).toBe(200);
    const holds = selected.body.loanIds as string[];
    expect(holds).toContain(held);

    // a new selection starts: its intent is recorded and one more loan marked, then the process dies
    const stray = await activeLoan('2026-11-29');
    await pools().updateOne({ _id: new Types.ObjectId(poolId) }, { $set: { pendingSelection: { loanIds: [...holds, stray], at: t.clock.now() } } });
    expect(await t.platform.services.securitisation.recoverSelections()).toEqual({ pools: [], unmarked: 0 });
    const { LoanPoolMarker } = await import('../../../db/securitisation-pools/pool.repository.js');
    expect(await new LoanPoolMarker(t.platform.connection).mark(tarim(), stray, poolId)).toBe(true);

    // a recovery run within ten minutes leaves a selection that may still be running alone
    t.clock.advance(9 * 60_000);
    await runRecoveryJob();
    expect([await markerOf(stray), (await poolDoc(poolId))['pendingSelection']]).toEqual([poolId, expect.objectContaining({ loanIds: [...holds, stray] })]);

    t.clock.advance(2 * 60_000);
    await runRecoveryJob();
    expect(await markerOf(stray)).toBeNull();
    for (const loanId of holds) expect(await markerOf(loanId)).toBe(poolId);
    const after = await poolDoc(poolId);
    expect([after['pendingSelection'], after['loanIds']]).toEqual([null, holds]);
    const audit = await t.platform.connection.db!.collection('audit_records').findOne({ action: 'securitisation.selection.recovered', entityId: poolId });
    expect([audit?.['requestId'], audit?.['institutionId'], JSON.stringify(audit?.['changes'])]).toEqual(['securitisation-recovery', tarim(), expect.stringContaining('"unmarkedLoans"')]);

    // a second run finds nothing to do
    expect(await t.platform.services.securitisation.recoverSelections()).toEqual({ pools: [], unmarked: 0 });

    // a cancel interrupted after its state change: the cancelled pool's marker is removed
    expect((await post(t, `/api/securitisation-pools/${poolId}/cancel`, { reason: '测试' }, 'bank.officer')).body.state).toBe('CANCELLED');
    await t.platform.connection.db!.collection('loans').updateOne({ _id: new Types.ObjectId(held) }, { $set: { securitisationPoolId: poolId } });
    expect(await t.platform.services.securitisation.recoverSelections()).toEqual({ pools: [poolId], unmarked: 1 });
    expect(await markerOf(held)).toBeNull();
  });
});

describe('servicing an issued pool through a default and its recovery, to redemption', () => {
  const loans: string[] = [];
  let poolId = '';
  const [A, B, C] = [0, 1, 2];

  test('three seasoned loans are pooled, structured (48 / 6 / 6 million fen), reviewed and issued', async () => {
    for (const date of ['2026-05-15', '2026-05-20', '2026-05-25']) loans.push(await activeLoan(date));
    poolId = await createPool('南疆节水灌溉贷款资产支持证券 2026-2');
    const selected = await post(t, `/api/securitisation-pools/${poolId}/select`, { criteria: { minSeasoningMonths: 6, maxBorrowerShare: 1 } }, 'bank.officer');
    expect([...selected.body.loanIds].sort()).toEqual([...loans].sort());
    expect(selected.body.statistics.balanceFen).toBe(60_000_000);
    const structured = await post(t, `/api/securitisation-pools/${poolId}/structure`, {
      tranches: [
        { name: 'A', class: 'senior', sizeFen: 48_000_000, couponRate: 0.028 },
        { name: 'B', class: 'mezzanine', sizeFen: 6_000_000, couponRate: 0.045 },
        { name: '次级', class: 'subordinated', sizeFen: 6_000_000, couponRate: 0 },
      ],
      feeRate: 0.002, reserve: { initialFen: 0, targetFen: 0 }, reviewerInstitutionId: reviewerId,
    }, 'bank.officer');
    expect(structured.status).toBe(200);
    const documentId = await upload(t, tokens['reviewer']!, '第二方意见 2026-2');
    expect((await post(t, `/api/securitisation-pools/${poolId}/review`, { type: 'second_party_opinion', opinion: '节水灌溉', conclusion: 'aligned', documentId }, 'reviewer')).status).toBe(200);
    expect((await post(t, `/api/securitisation-pools/${poolId}/issue`, { issueDate: '2026-11-29' }, 'bank.approver')).body.state).toBe('ISSUED');
  });

  test('November: two borrowers pay their arrears, the third defaults and its water right is sold; the report totals equal the loans’ records exactly', async () => {
    for (const i of [B, C]) expect((await post(t, `/api/loans/${loans[i]}/repayments`, { amountFen: 8_000_000, date: '2026-11-29' }, 'bank.officer')).status).toBe(201);
    const run = await t.platform.services.loanServicing.runOverdue('2026-11-29');
    expect(run.defaulted).toContain(loans[A]);
    expect(run.defaulted).not.toContain(loans[B]);
    expect(run.defaulted).not.toContain(loans[C]);
    const defaulted = await loanOf(loans[A]!);
    expect(defaulted.state).toBe('DEFAULTED');
    // nothing was ever repaid on A: the whole 20 000 000 fen principal is outstanding at default
    expect((defaulted.outstanding as { principalOutstandingFen: number }).principalOutstandingFen).toBe(20_000_000);
    const disposal = await post(t, `/api/loans/${loans[A]}/disposals`, { assetId: defaulted.pledgedAssetIds[0], proceedsFen: 3_000_000, date: '2026-11-29', note: '水权转让' }, 'bank.officer');
    expect([disposal.status, disposal.body.repayments.at(-1).appliedFen]).toEqual([201, 3_000_000]);

    await advanceDays(3); // 2026-12-02: November is finished
    const report = await post(t, `/api/securitisation-pools/${poolId}/servicer-reports`, { period: '2026-11' }, 'bank.officer');
    expect(report.status).toBe(201);
    const paid = await linesOf(loans, '2026-11', 'repayment');
    const recovered = await linesOf(loans, '2026-11', 'disposal');
    expect(report.body.collections).toEqual({
      principalFen: sum(paid, ['principal', 'early_principal']), interestFen: sum(paid, ['interest', 'accrued_interest']), penaltyFen: sum(paid, ['penalty']),
      totalFen: 16_000_000 - sum(paid, ['unapplied']),
    });
    expect([report.body.recoveriesFen, sum(recovered, ['principal', 'early_principal', 'interest', 'accrued_interest', 'penalty'])]).toEqual([3_000_000, 3_000_000]);
    expect([report.body.defaultsFen, report.body.defaultedLoans]).toEqual([20_000_000, [loans[A]]]);
    const rowA = report.body.loans.find((r: { loanId: string }) => r.loanId === loans[A]);
    expect(rowA).toEqual({ loanId: loans[A], principalFen: 0, interestFen: 0, penaltyFen: 0, recoveriesFen: 3_000_000, defaultedFen: 20_000_000 });
    // principal and recoveries go to the senior tranche first
    const toPrincipal = report.body.collections.principalFen + 3_000_000;
    expect(report.body.tranches.map((x: { name: string; principalFen: number; closingFen: number }) => [x.name, x.principalFen, x.closingFen])).toEqual([
      ['A', toPrincipal, 48_000_000 - toPrincipal], ['B', 0, 6_000_000], ['次级', 0, 6_000_000],
    ]);
    const csv = await fetch(`${t.baseUrl}/api/securitisation-pools/${poolId}/servicer-reports/2026-11/report.csv`, { headers: { Authorization: `Bearer ${tokens['bank.officer']}` } });
    const text = await csv.text();
    expect(text.split('\n').find((l) => l.startsWith('TOTAL,'))).toBe(`TOTAL,${report.body.collections.principalFen},${report.body.collections.interestFen},${report.body.collections.penaltyFen},3000000,20000000`);
  });

  test('redemption is refused while pool loans still run (nothing written)', async () => {
    const before = await databaseDigest(t.platform);
    const res = await post(t, `/api/securitisation-pools/${poolId}/redeem`, {}, 'bank.approver');
    expect([res.status, res.body.error.code, res.body.error.details.check]).toEqual([409, 'SECURITISATION_CHECK_FAILED', 'tranches_repaid']);
    expect([...res.body.error.details.loanIds].sort()).toEqual([...loans].sort());
    expect(await databaseDigest(t.platform)).toEqual(before);
  });

  test('December: B and C repay in full, A is written off; after the December report the pool is REDEEMED with the 17 000 000 fen loss on the junior tranches first', async () => {
    for (const i of [B, C]) expect((await post(t, `/api/loans/${loans[i]}/repayments`, { amountFen: 20_000_000, date: '2026-12-02' }, 'bank.officer')).body.state).toBe('CLOSED');
    expect((await post(t, `/api/loans/${loans[A]}/write-off`, { reason: '处置后仍无法收回' }, 'bank.approver')).body.state).toBe('WRITTEN_OFF');
    await advanceDays(33); // 2027-01-04

    const early = await post(t, `/api/securitisation-pools/${poolId}/redeem`, {}, 'bank.approver');
    expect([early.status, early.body.error.details]).toEqual([409, { check: 'tranches_repaid', period: '2026-12' }]);

    const december = await post(t, `/api/securitisation-pools/${poolId}/servicer-reports`, { period: '2026-12' }, 'bank.officer');
    expect(december.status).toBe(201);
    const paid = await linesOf(loans, '2026-12', 'repayment');
    expect(december.body.collections.principalFen).toBe(sum(paid, ['principal', 'early_principal']));
    expect([december.body.defaultsFen, december.body.recoveriesFen, december.body.poolBalanceFen]).toEqual([0, 0, 0]);
    // B and C repaid their 40 000 000 fen principal over the two months; A's 3 000 000 fen was recovered
    const november = (await t.api.get(`/api/securitisation-pools/${poolId}`, tokens['bank.officer'])).body.servicerReports[0];
    expect(november.collections.principalFen + december.body.collections.principalFen).toBe(40_000_000);

    const redeemed = await post(t, `/api/securitisation-pools/${poolId}/redeem`, {}, 'bank.approver');
    expect([redeemed.status, redeemed.body.state]).toEqual([200, 'REDEEMED']);
    expect(redeemed.body.trancheBalances).toEqual({ A: 5_000_000, B: 6_000_000, 次级: 6_000_000 });
    expect(redeemed.body.redemption).toMatchObject({ lossesFen: { A: 5_000_000, B: 6_000_000, 次级: 6_000_000 }, totalLossFen: 17_000_000 });
    const twice = await post(t, `/api/securitisation-pools/${poolId}/redeem`, {}, 'bank.approver');
    expect([twice.status, twice.body.error.code]).toEqual([409, 'SECURITISATION_INVALID_TRANSITION']);
  });
});
