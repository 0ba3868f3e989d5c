import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { startTestPlatform, type TestPlatform } from '../../../../test-support/test-platform.js';
import type { LoanDefaultEvent } from '../loan-ports.js';
import { bosten, loginAll, post, submitted, tarim, toAccepted, tokens, waterAsset } from './loan-fixtures.js';

let t: TestPlatform;

beforeAll(async () => {
  t = await startTestPlatform({ seedDemo: true, start: new Date('2026-11-29T08:00:00Z') });
  await loginAll(t);
}, 180_000);
afterAll(() => t.close());

const encumbrance = async (assetId: string) => (await t.platform.repositories.assets.findById(assetId))!.encumbrance;

/** An accepted loan at Tarim bank secured by the given assets (new ones when none given). */
async function acceptedLoan(assetIds?: string[]): Promise<{ loanId: string; assetIds: string[] }> {
  const ids = assetIds ?? [await waterAsset(t)];
  const application = await submitted(t, ids, [tarim()]);
  const loanId = application.offers[0].id as string;
  await toAccepted(t, loanId, 'bank.officer', 'bank.approver');
  return { loanId, assetIds: ids };
}

describe('disbursement pledges every asset exactly once', () => {
  test('20 concurrent disbursements of one loan: exactly one succeeds and the asset is pledged once', async () => {
    const { loanId, assetIds } = await acceptedLoan();
    const results = await Promise.all(Array.from({ length: 20 }, () => post(t, `/api/loans/${loanId}/disburse`, {}, 'bank.officer')));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    for (const r of results.filter((x) => x.status !== 200)) {
      expect(r.status).toBe(409);
      expect(['LOAN_STEP_IN_PROGRESS', 'LOAN_INVALID_TRANSITION', 'CONFLICT']).toContain(r.body.error.code);
    }
    expect(await encumbrance(assetIds[0]!)).toMatchObject({ status: 'pledged', loanId });
    const audit = await t.platform.services.audit.list({ limit: 100, offset: 0 }, { entityType: 'loan', entityId: loanId });
    expect(audit.items.filter((r) => r.action === 'loan.disburse')).toHaveLength(1);
    const pledges = await t.platform.services.audit.list({ limit: 100, offset: 0 }, { entityType: 'asset', entityId: assetIds[0]! });
    expect(pledges.items.filter((r) => r.action === 'asset.pledge')).toHaveLength(1);
  });

  test('an asset offered to two loans at two banks is pledged to one only, even when both disburse at once', async () => {
    const assetId = await waterAsset(t);
    const first = await submitted(t, [assetId], [tarim()]);
    const second = await submitted(t, [assetId], [bosten()]);
    const [a, b] = [first.offers[0].id as string, second.offers[0].id as string];
    await toAccepted(t, a, 'bank.officer', 'bank.approver');
    await toAccepted(t, b, 'bosten.officer', 'bosten.approver');
    const [ra, rb] = await Promise.all([post(t, `/api/loans/${a}/disburse`, {}, 'bank.officer'), post(t, `/api/loans/${b}/disburse`, {}, 'bosten.officer')]);
    expect([ra.status, rb.status].sort()).toEqual([200, 409]);
    const [winner, loser] = ra.status === 200 ? [a, rb] : [b, ra];
    expect(loser.body.error).toMatchObject({ code: 'LOAN_PLEDGE_FAILED', field: 'assetIds.0', details: { assetId, cause: 'ASSET_ALREADY_PLEDGED' } });
    expect(await encumbrance(assetId)).toMatchObject({ status: 'pledged', loanId: winner });
    const loserId = winner === a ? b : a;
    const loserLoan = await t.platform.services.loanReview.get({ userId: 'x', username: 'x', roles: [], permissions: new Set(['tenants.all.read']) }, loserId);
    expect(loserLoan).toMatchObject({ state: 'ACCEPTED', pendingStep: null, pledgedAssetIds: [] });
  });

  test('when the second asset is no longer free, the first is released: nothing is pledged and the failure names the asset', async () => {
    const [free, taken] = [await waterAsset(t), await waterAsset(t)];
    const { loanId } = await acceptedLoan([free, taken]);
    const other = await acceptedLoan([await waterAsset(t)]);
    await t.platform.services.assetEncumbrance.pledge(taken, other.loanId, tarim());
    const res = await post(t, `/api/loans/${loanId}/disburse`, {}, 'bank.officer');
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'LOAN_PLEDGE_FAILED', field: 'assetIds.1', details: { assetId: taken } });
    expect(res.body.error.message).toContain(`asset ${taken} could not be pledged`);
    expect(await encumbrance(free)).toMatchObject({ status: 'free', loanId: null });
    expect(await encumbrance(taken)).toMatchObject({ status: 'pledged', loanId: other.loanId });
  });

  test('a loan needing a guarantee is not disbursed before the guarantee is in force', async () => {
    const application = await submitted(t, [await waterAsset(t)], [tarim()]);
    const loanId = application.offers[0].id;
    await post(t, `/api/loans/${loanId}/start-review`, {}, 'bank.officer');
    await post(t, `/api/loans/${loanId}/assess`, { taxonomyCode: '1.4-water_saving_irrigation', note: '' }, 'bank.officer');
    await post(t, `/api/loans/${loanId}/request-guarantee`, { reason: '需担保' }, 'bank.officer');
    await t.platform.services.loanReview.confirmGuarantee(loanId, 'guarantee-0002');
    await post(t, `/api/loans/${loanId}/recommend`, { amountFen: 20_000_000, annualRateBp: 380, termMonths: 24, conditions: [], notes: '' }, 'bank.officer');
    await post(t, `/api/loans/${loanId}/approve`, { note: '' }, 'bank.approver');
    await post(t, `/api/loans/${loanId}/accept`, {}, 'enterprise');
    expect((await post(t, `/api/loans/${loanId}/disburse`, {}, 'bank.officer')).body).toMatchObject({ state: 'ACTIVE', guaranteeId: 'guarantee-0002' });
  });
});

describe('recovery after a crash between the pledge and the loan’s activation', () => {
  test('a pledge intent left on an ACCEPTED loan is undone after five minutes: the asset is free again', async () => {
    const { loanId, assetIds } = await acceptedLoan();
    await t.platform.services.loanServicing.recover();
    await t.platform.services.loanRepositories.loans.update(loanId, {}, { $set: { pendingStep: { kind: 'pledge', key: 'crashed-0001', assetIds, startedAt: t.clock.now() } } });
    await t.platform.services.assetEncumbrance.pledge(assetIds[0]!, loanId, tarim());
    expect((await t.platform.services.loanServicing.recover()).undonePledges).toEqual([]);
    t.clock.advance(6 * 60_000);
    expect((await t.platform.services.loanServicing.recover()).undonePledges).toEqual([loanId]);
    expect(await encumbrance(assetIds[0]!)).toMatchObject({ status: 'free', loanId: null });
    expect((await post(t, `/api/loans/${loanId}/disburse`, {}, 'bank.officer')).body.state).toBe('ACTIVE');
  });
});

describe('recovery after a crash between submission and opening the banks’ reviews', () => {
  test('a submitted application missing a bank’s loan gets it from the recovery job', async () => {
    const application = await submitted(t, [await waterAsset(t)], [tarim()]);
    await t.platform.services.loanRepositories.applications.compareAndSet(application.id, {}, { bankIds: [tarim(), bosten()] });
    expect((await t.platform.services.loanServicing.recover()).openedBankLoans).not.toContain(application.id);
    t.clock.advance(6 * 60_000);
    expect((await t.platform.services.loanServicing.recover()).openedBankLoans).toContain(application.id);
    const loans = await t.platform.services.loanRepositories.loans.listByApplication(application.id);
    expect(loans.map((l) => [l.institutionId, l.state])).toEqual([[tarim(), 'SUBMITTED'], [bosten(), 'SUBMITTED']]);
  });
});

describe('repayment to closure releases the pledge', () => {
  test('repaying the whole balance closes the loan and frees the asset', async () => {
    const { loanId, assetIds } = await acceptedLoan();
    const active = await post(t, `/api/loans/${loanId}/disburse`, { disbursementDate: '2026-11-29' }, 'bank.officer');
    expect(active.body.schedule.levelInstalmentFen).toBe(866_719);
    // Repaid early on 2026-12-14: 15 days of interest at 3.80 % on 20,000,000 fen, actual/360 = 31,666.67 → 31,667 fen
    const closed = await post(t, `/api/loans/${loanId}/repayments`, { amountFen: 20_031_667, date: '2026-12-14' }, 'bank.officer');
    expect(closed.status).toBe(201);
    expect(closed.body).toMatchObject({ state: 'CLOSED', pledgedAssetIds: [], pendingStep: null });
    expect(closed.body.repayments[0]).toMatchObject({ appliedFen: 20_031_667, unappliedFen: 0 });
    expect(await encumbrance(assetIds[0]!)).toMatchObject({ status: 'free', loanId: null });
    const repeat = await post(t, `/api/loans/${loanId}/repayments`, { amountFen: 100, date: '2026-12-15' }, 'bank.officer');
    expect(repeat.body.error).toMatchObject({ code: 'LOAN_INVALID_TRANSITION', details: { currentState: 'CLOSED' } });
  });

  test('a repayment recorded twice with the same key is applied once', async () => {
    const { loanId } = await acceptedLoan();
    await post(t, `/api/loans/${loanId}/disburse`, { disbursementDate: '2026-11-29' }, 'bank.officer');
    const first = await post(t, `/api/loans/${loanId}/repayments`, { amountFen: 500_000, date: '2026-12-29' }, 'bank.officer', 'repay-key-0001');
    const again = await post(t, `/api/loans/${loanId}/repayments`, { amountFen: 500_000, date: '2026-12-29' }, 'bank.officer', 'repay-key-0001');
    expect(again.body.repayments).toHaveLength(1);
    expect(again.body.repaymentSeq).toBe(first.body.repaymentSeq);
  });
});

describe('the daily overdue run', () => {
  let loanId: string;
  let assetIds: string[];
  const events: LoanDefaultEvent[] = [];

  beforeAll(async () => {
    t.platform.services.loanReview.onDefault(async (event) => {
      events.push(event);
    });
    ({ loanId, assetIds } = await acceptedLoan());
    await post(t, `/api/loans/${loanId}/disburse`, { disbursementDate: '2026-11-29' }, 'bank.officer');
  });

  const run = (asOf: string) => t.platform.services.loanServicing.runOverdue(asOf);
  const stateOf = async () => (await t.api.get(`/api/loans/${loanId}`, tokens['bank.officer'])).body;

  test('within the grace period (3 days) the unpaid first instalment does not make the loan overdue', async () => {
    const result = await run('2027-01-01');
    expect(result.markedOverdue).not.toContain(loanId);
    expect((await stateOf()).state).toBe('ACTIVE');
  });

  test('after the grace period the loan is OVERDUE', async () => {
    const result = await run('2027-01-02');
    expect(result.markedOverdue).toContain(loanId);
    const loan = await stateOf();
    expect(loan.state).toBe('OVERDUE');
    expect(loan.outstanding).toMatchObject({ status: 'OVERDUE', maxDaysPastDue: 4, overdue: { principalFen: 803_386, interestFen: 63_333, instalments: 1 } });
  });

  test('paying the arrears cures it back to ACTIVE', async () => {
    const due = (await stateOf()).outstanding;
    const arrears = due.overdue.principalFen + due.overdue.interestFen + due.overdue.penaltyFen;
    const paid = await post(t, `/api/loans/${loanId}/repayments`, { amountFen: arrears, date: '2027-01-02' }, 'bank.officer');
    // the instalment 866,719 fen + penalty 0.02 % a day on overdue principal 803,386 fen for 4 days = 642.7 → 643 fen
    expect([due.overdue.penaltyFen, arrears]).toEqual([643, 867_362]);
    expect(paid.body.state).toBe('ACTIVE');
  });

  test('more than 90 days past due: DEFAULTED, and the guarantee hook hears of it once', async () => {
    await run('2027-02-05');
    expect((await stateOf()).state).toBe('OVERDUE');
    const result = await run('2027-05-01');
    expect(result.defaulted).toContain(loanId);
    expect((await stateOf()).state).toBe('DEFAULTED');
    const heard = () => events.filter((e) => e.loanId === loanId).map((e) => [e.loanId, e.institutionId, e.guaranteeId]);
    expect(heard()).toEqual([[loanId, tarim(), null]]);
    await run('2027-05-02');
    expect(heard()).toHaveLength(1);
  });

  test('the bank records the disposal of the pledged asset (proceeds applied, asset released) and writes the rest off', async () => {
    const disposed = await post(t, `/api/loans/${loanId}/disposals`, { assetId: assetIds[0], proceedsFen: 5_000_000, date: '2027-05-02', note: '水权转让' }, 'bank.officer');
    expect(disposed.status).toBe(201);
    expect(disposed.body).toMatchObject({ state: 'DEFAULTED', pledgedAssetIds: [] });
    expect(disposed.body.repayments.at(-1)).toMatchObject({ kind: 'disposal', assetId: assetIds[0], amountFen: 5_000_000, appliedFen: 5_000_000 });
    expect(await encumbrance(assetIds[0]!)).toMatchObject({ status: 'free', loanId: null });
    expect((await post(t, `/api/loans/${loanId}/write-off`, { reason: '处置后仍无法收回' }, 'bank.officer')).status).toBe(403);
    expect((await post(t, `/api/loans/${loanId}/write-off`, { reason: '处置后仍无法收回' }, 'bank.approver')).body.state).toBe('WRITTEN_OFF');
  });
});

describe('the overdue job runs as an Agenda job', () => {
  test('jobs list includes loans-overdue and loans-recovery', async () => {
    const names = (await t.platform.services.jobs.status()).map((d) => d.name);
    expect(names).toEqual(expect.arrayContaining(['loans.overdue', 'loans.recovery']));
  });
});

