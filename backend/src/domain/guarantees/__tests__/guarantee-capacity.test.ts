import { afterAll, beforeAll, describe, expect, jest, test } from '@jest/globals';
import { Types } from 'mongoose';
import { GuaranteeCapacityRepository } from '../../../db/guarantees/guarantee-capacity.repository.js';
import { databaseDigest, startTestPlatform, type TestPlatform } from '../../../../test-support/test-platform.js';
import { waterAsset } from '../../loans/__tests__/loan-fixtures.js';
import { assessedLoan, disburse, guaranteeAt, ids, loginGuarantee, post, recommendBody, relogin, requestBody, tokens } from './guarantee-fixtures.js';

let t: TestPlatform;

beforeAll(async () => {
  t = await startTestPlatform({ seedDemo: true, start: new Date('2026-11-29T08:00:00Z') });
  await loginGuarantee(t);
  tokens['admin'] = await t.api.login('admin');
}, 180_000);
afterAll(() => t.close());

const ecoLetter = (assetIds: string[]) => ({ counterGuarantee: { kind: 'ecological_assets', description: '水权质押反担保', assetIds, valueFen: 3_000_000 } });
const encumbranceOf = async (assetId: string) => {
  const a = (await t.platform.repositories.assets.findById(assetId))!;
  return [a.encumbrance.status, a.encumbrance.loanId];
};

describe('capacity is reserved atomically on the guarantor’s counter', () => {
  test('twenty concurrent reservations of 15 fen under an outstanding limit of 100 fen: exactly six succeed and the counter stops at 90', async () => {
    const counters = new GuaranteeCapacityRepository(t.platform.connection);
    await counters.createIfMissing('test-guarantor', {}, t.clock.now());
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) =>
      counters.reserve('test-guarantor', `g${i}`, { amountFen: 15, subjectId: `s${i}`, at: t.clock.now() }, { outstandingLimitFen: 100, obligorLimitFen: 1_000 })));
    expect(results.filter(Boolean)).toHaveLength(6);
    const counter = (await counters.find('test-guarantor'))!;
    expect(counter.outstandingFen).toBe(90);
    expect(Object.keys(counter.reservations)).toHaveLength(6);
    // A reservation is given back once and only once.
    const first = Object.keys(counter.reservations)[0]!;
    expect(await counters.release('test-guarantor', first)).toBe(true);
    expect(await counters.release('test-guarantor', first)).toBe(false);
    expect((await counters.find('test-guarantor'))!.outstandingFen).toBe(75);
    await counters.replace('test-guarantor', {}, t.clock.now());
  });

  let approved: string[] = [];
  let refused: string[] = [];
  const loans: Record<string, string> = {};
  let netAssetsBefore = 0;

  test('twenty concurrent approvals for one obligor that together would pass 10 % of net assets: only the seven that fit are approved, the others are refused with the figures', async () => {
    const pending: string[] = [];
    for (let i = 0; i < 20; i++) {
      const loanId = await assessedLoan(t);
      const g = (await post(t, '/api/guarantees', requestBody(loanId), 'bank.officer')).body;
      await post(t, `/api/guarantees/${g.id}/start-due-diligence`, {}, 'guarantee.officer');
      expect((await post(t, `/api/guarantees/${g.id}/recommend`, recommendBody, 'guarantee.officer')).body.state).toBe('COMMITTEE_REVIEW');
      pending.push(g.id);
      loans[g.id] = loanId;
    }
    const subjectId = (await t.api.get(`/api/guarantees/${pending[0]}`, tokens['guarantee.officer'])).body.subjectId as string;
    const before = await t.platform.services.guaranteeCapacity.exposure(ids['guarantor']!, subjectId);
    // Net assets such that the obligor's limit (10 %) leaves room for exactly seven guarantees of 20 000 000 fen.
    const obligorLimitFen = before.obligorOutstandingFen + 7 * 20_000_000;
    const profile = (await t.api.get(`/api/guarantee-institutions/${ids['guarantor']}/profile`, tokens['admin'])).body;
    netAssetsBefore = profile.netAssetsFen;
    const put = await t.api.request('PUT', `/api/guarantee-institutions/${ids['guarantor']}/profile`, {
      token: tokens['admin'], body: { netAssetsFen: obligorLimitFen * 10, mainlySmallBusinessAgriculture: true, reguarantorId: ids['reguarantor'], approverLevels: profile.approverLevels, expectedVersion: profile.version },
    });
    expect(put.status).toBe(200);

    const results = await Promise.all(pending.map((id) => post(t, `/api/guarantees/${id}/approve`, { note: '同意' }, 'guarantee.approver')));
    approved = pending.filter((_, i) => results[i]!.status === 200);
    refused = pending.filter((_, i) => results[i]!.status !== 200);
    expect(approved).toHaveLength(7);
    expect(refused).toHaveLength(13);
    for (const res of results.filter((r) => r.status !== 200)) {
      expect(res.status).toBe(409);
      expect(res.body.error).toMatchObject({
        code: 'GUARANTEE_CAPACITY_EXCEEDED',
        details: { check: 'capacity', netAssetsFen: obligorLimitFen * 10, obligorLimitFen, obligorAfterFen: obligorLimitFen + 20_000_000, breaches: [{ limit: 'single_obligor', limitFen: obligorLimitFen }] },
      });
    }
    const after = await t.platform.services.guaranteeCapacity.exposure(ids['guarantor']!, subjectId);
    expect(after).toEqual({ outstandingFen: before.outstandingFen + 140_000_000, obligorOutstandingFen: obligorLimitFen });
    for (const id of refused) expect((await t.api.get(`/api/guarantees/${id}`, tokens['guarantee.officer'])).body.state).toBe('COMMITTEE_REVIEW');
    // The portfolio gauge shows the reserved figure.
    expect((await t.api.get('/api/guarantee-portfolio', tokens['guarantee.officer'])).body.outstandingFen).toBe(after.outstandingFen);
  }, 240_000);

  test('a counter-guarantee in ecological assets pledges the obligor’s free assets to the guarantee; an asset that is not free is refused and nothing is pledged', async () => {
    const [first, second] = approved as [string, string];
    for (const id of [first, second]) await post(t, `/api/guarantees/${id}/request-counter-guarantee`, { reason: '请提供反担保' }, 'guarantee.officer');
    const a = await waterAsset(t);
    const b = await waterAsset(t);
    const issued = await post(t, `/api/guarantees/${first}/issue-letter`, ecoLetter([a]), 'guarantee.officer');
    expect(issued.body).toMatchObject({ state: 'LETTER_ISSUED', counterGuarantee: { kind: 'ecological_assets', assetIds: [a] } });
    expect(await encumbranceOf(a)).toEqual(['pledged', `guarantee:${first}`]);

    const before = await databaseDigest(t.platform);
    const refusedLetter = await post(t, `/api/guarantees/${second}/issue-letter`, ecoLetter([b, a]), 'guarantee.officer');
    expect(refusedLetter.status).toBe(409);
    expect(refusedLetter.body.error).toMatchObject({ code: 'GUARANTEE_CHECK_FAILED', field: 'counterGuarantee.assetIds', details: { check: 'counter_guarantee_assets_free', assetId: a, encumbrance: 'pledged' } });
    expect(await databaseDigest(t.platform)).toEqual(before);
    expect(await encumbranceOf(b)).toEqual(['free', null]);
    // The loan's own collateral is not a counter-guarantee.
    const own = (await t.api.get(`/api/guarantees/${second}`, tokens['guarantee.officer'])).body.loan.assetIds[0];
    expect((await post(t, `/api/guarantees/${second}/issue-letter`, ecoLetter([own]), 'guarantee.officer')).body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'counterGuarantee.assetIds' });
  });

  test('the release of the guarantee gives back its capacity and its counter-guarantee assets; a refused approval then fits', async () => {
    const id = approved[0]!;
    const loanId = loans[id]!;
    await disburse(t, loanId);
    expect((await post(t, `/api/guarantees/${id}/confirm-disbursement`, {}, 'bank.officer')).body.state).toBe('IN_FORCE');
    expect((await post(t, `/api/loans/${loanId}/repayments`, { amountFen: 20_000_000, date: '2026-11-29' }, 'bank.officer')).body.state).toBe('CLOSED');
    expect((await post(t, `/api/guarantees/${id}/release`, {}, 'bank.officer')).body.state).toBe('RELEASED');
    const asset = (await t.api.get(`/api/guarantees/${id}`, tokens['guarantee.officer'])).body.counterGuarantee.assetIds[0];
    expect(await encumbranceOf(asset)).toEqual(['free', null]);
    expect((await post(t, `/api/guarantees/${refused[0]}/approve`, { note: '同意' }, 'guarantee.approver')).body.state).toBe('APPROVED');
    expect((await post(t, `/api/guarantees/${refused[1]}/approve`, { note: '同意' }, 'guarantee.approver')).body.error.code).toBe('GUARANTEE_CAPACITY_EXCEEDED');
    expect((await t.platform.services.guarantees.recover()).capacityReleased).toEqual([]);
    // The demo's net assets again, for the tests below.
    const profile = (await t.api.get(`/api/guarantee-institutions/${ids['guarantor']}/profile`, tokens['admin'])).body;
    await t.api.request('PUT', `/api/guarantee-institutions/${ids['guarantor']}/profile`, {
      token: tokens['admin'], body: { netAssetsFen: netAssetsBefore, mainlySmallBusinessAgriculture: true, reguarantorId: ids['reguarantor'], approverLevels: profile.approverLevels, expectedVersion: profile.version },
    });
  });
});

describe('the issue-letter form’s counter-guarantee choices', () => {
  test('the guarantor sees the obligor’s verified free assets, never the loan’s own collateral nor a pledged asset; the bank cannot ask', async () => {
    const { guaranteeId } = await guaranteeAt(t, 'APPROVED');
    const fresh = await waterAsset(t);
    const g = (await t.api.get(`/api/guarantees/${guaranteeId}`, tokens['guarantee.officer'])).body;
    const res = await t.api.get(`/api/guarantees/${guaranteeId}/counter-guarantee-assets`, tokens['guarantee.officer']);
    expect(res.status).toBe(200);
    const ids = res.body.map((a: { id: string }) => a.id);
    expect(ids).toContain(fresh);
    expect(ids).not.toContain(g.loan.assetIds[0]);
    for (const id of ids) expect(await encumbranceOf(id)).toEqual(['free', null]);
    expect(res.body.find((a: { id: string }) => a.id === fresh)).toMatchObject({ assetType: 'water_right', name: expect.any(String) });
    expect((await t.api.get(`/api/guarantees/${guaranteeId}/counter-guarantee-assets`, tokens['bank.officer'])).status).toBe(403);
  });
});

describe('a failed approval cleans up only the reservation it made', () => {
  /** Runs one approval whose compare-and-set loses: right after its reservation, the officer's recommendation changes underneath it. */
  async function approvalLosingItsMove(guaranteeId: string) {
    const capacity = t.platform.services.guaranteeCapacity;
    const reserve = capacity.reserve.bind(capacity);
    const spy = jest.spyOn(capacity, 'reserve').mockImplementationOnce(async (...args) => {
      const reserved = await reserve(...args);
      await t.platform.connection.db!.collection('guarantees').updateOne({ _id: new Types.ObjectId(guaranteeId) }, { $set: { 'recommendation.at': new Date('2026-11-29T09:00:00Z') } });
      return reserved;
    });
    try {
      return await post(t, `/api/guarantees/${guaranteeId}/approve`, { note: '同意' }, 'guarantee.approver');
    } finally {
      spy.mockRestore();
    }
  }

  test('while a concurrent approval holds the guarantee’s reservation, a second approval that fails leaves that reservation and the outstanding figure untouched', async () => {
    const { guaranteeId } = await guaranteeAt(t, 'COMMITTEE_REVIEW');
    const g = (await t.api.get(`/api/guarantees/${guaranteeId}`, tokens['guarantee.officer'])).body;
    const counters = new GuaranteeCapacityRepository(t.platform.connection);
    await t.platform.services.guaranteeCapacity.counter(ids['guarantor']!);
    // The concurrent approval (attempt A) has reserved and not yet moved the guarantee.
    const held = await counters.reserve(ids['guarantor']!, guaranteeId, { amountFen: g.amountFen, subjectId: g.subjectId, at: t.clock.now(), attemptId: 'attempt-A' }, { outstandingLimitFen: Number.MAX_SAFE_INTEGER, obligorLimitFen: Number.MAX_SAFE_INTEGER });
    expect(held!.reservations[guaranteeId]).toMatchObject({ amountFen: 20_000_000, attemptId: 'attempt-A' });
    const res = await approvalLosingItsMove(guaranteeId);
    expect([res.status, res.body.error.code]).toEqual([409, 'CONFLICT']);
    const after = (await counters.find(ids['guarantor']!))!;
    expect(after.reservations[guaranteeId]).toMatchObject({ amountFen: 20_000_000, attemptId: 'attempt-A' });
    expect(after.outstandingFen).toBe(held!.outstandingFen);
    // Attempt A's own clean-up gives it back, once.
    expect(await t.platform.services.guaranteeCapacity.abandon(ids['guarantor']!, guaranteeId, 'attempt-A')).toBe(true);
    expect(await t.platform.services.guaranteeCapacity.abandon(ids['guarantor']!, guaranteeId, 'attempt-A')).toBe(false);
    expect((await counters.find(ids['guarantor']!))!.outstandingFen).toBe(held!.outstandingFen - 20_000_000);
  });

  test('an approval that made the reservation itself and then fails gives it back', async () => {
    const { guaranteeId } = await guaranteeAt(t, 'COMMITTEE_REVIEW');
    const counters = new GuaranteeCapacityRepository(t.platform.connection);
    const before = (await t.platform.services.guaranteeCapacity.counter(ids['guarantor']!)).outstandingFen;
    const res = await approvalLosingItsMove(guaranteeId);
    expect([res.status, res.body.error.code]).toEqual([409, 'CONFLICT']);
    const after = (await counters.find(ids['guarantor']!))!;
    expect([after.reservations[guaranteeId], after.outstandingFen]).toEqual([undefined, before]);
  });
});

describe('guarantee rules are versioned data', () => {
  test('an administrator uploads a new version (validated, never replaced); it is in force from its effective date; guarantees keep the version they recorded', async () => {
    const current = (await t.api.get('/api/guarantee-rules', tokens['guarantee.officer'])).body;
    expect(current.version).toBe('2026.11.1');
    const next = { ...current, version: '2027.1.1', effectiveFrom: '2027-01-01', claims: { ...current.claims, overdueDaysBeforeClaim: 60 } };
    const bad = await t.api.post('/api/guarantee-rules/versions', { rules: { ...next, riskShares: { ...next.riskShares, bankBp: 1900 } } }, tokens['admin']);
    expect([bad.status, bad.body.error.code, bad.body.error.field]).toEqual([400, 'GUARANTEE_INPUT_INVALID', 'rules.riskShares']);
    expect((await t.api.post('/api/guarantee-rules/versions', { rules: next }, tokens['guarantee.officer'])).status).toBe(403);
    const created = await t.api.post('/api/guarantee-rules/versions', { rules: next }, tokens['admin']);
    expect([created.status, created.body.version, created.body.createdBy]).toEqual([201, '2027.1.1', 'admin']);
    const again = await t.api.post('/api/guarantee-rules/versions', { rules: next }, tokens['admin']);
    expect([again.status, again.body.error.code]).toEqual([409, 'GUARANTEE_RULES_VERSION_EXISTS']);
    expect((await t.api.get('/api/guarantee-rules/versions', tokens['guarantee.officer'])).body.map((v: { version: string }) => v.version)).toEqual(['2027.1.1', '2026.11.1']);
    // Not yet in force on 2026-11-29.
    expect((await t.api.get('/api/guarantee-rules', tokens['guarantee.officer'])).body.version).toBe('2026.11.1');
  });
});

describe('claim deadlines of the guarantee’s rules version', () => {
  let id: string;

  test('a claim before the overdue days have passed is refused with the dates; on the day it is accepted', async () => {
    const { guaranteeId, loanId } = await guaranteeAt(t, 'LETTER_ISSUED');
    id = guaranteeId;
    await disburse(t, loanId);
    await post(t, `/api/guarantees/${id}/confirm-disbursement`, {}, 'bank.officer');
    const loan = (await t.platform.services.loanRepositories.loans.find({ kind: 'all' }, loanId))!;
    // The loan defaults 30 days past due on 2026-11-29: overdue since 2026-10-30, claimable from 2027-01-28 (90 days).
    await t.platform.services.loanRepositories.loans.update(loanId, { state: 'ACTIVE' }, { $set: { state: 'DEFAULTED', outstanding: { ...(loan.outstanding ?? {}), maxDaysPastDue: 30 } } });
    await t.platform.services.guarantees.recover();
    const g = (await t.api.get(`/api/guarantees/${id}`, tokens['bank.officer'])).body;
    expect([g.state, g.rulesVersion, g.deadlines]).toEqual(['DEFAULT_NOTIFIED', '2026.11.1', { claimableFrom: '2027-01-28', payBy: null, reguaranteeClaimBy: null, reguarantorPayBy: null }]);
    const docs = { overdueProofDocumentId: await bankDoc('逾期证明'), contractDocumentId: await bankDoc('借款合同'), collectionRecordDocumentId: await bankDoc('催收记录') };

    await moveTo('2027-01-27T08:00:00Z');
    const early = await post(t, `/api/guarantees/${id}/claim`, { amountFen: 10_000_000, ...docs }, 'bank.officer');
    expect(early.status).toBe(409);
    // Version 2027.1.1 (60 days) is in force now, but this guarantee keeps the 90 days of 2026.11.1.
    expect((await t.api.get('/api/guarantee-rules', tokens['bank.officer'])).body.version).toBe('2027.1.1');
    expect(early.body.error).toMatchObject({
      code: 'GUARANTEE_CHECK_FAILED', details: { check: 'claim_timeline_and_cover', claimableFrom: '2027-01-28', overdueSince: '2026-10-30', overdueDaysBeforeClaim: 90, today: '2027-01-27', rulesVersion: '2026.11.1' },
    });
    await moveTo('2027-01-28T08:00:00Z');
    const res = await post(t, `/api/guarantees/${id}/claim`, { amountFen: 10_000_000, ...docs }, 'bank.officer');
    expect(res.body).toMatchObject({ state: 'CLAIM_SUBMITTED', claim: { payBy: '2027-02-27' }, overdue: [] });
  });

  test('an unpaid claim after its days to pay is flagged overdue in the queue', async () => {
    await moveTo('2027-02-28T08:00:00Z');
    const queue = (await t.api.get('/api/guarantees?state=CLAIM_SUBMITTED', tokens['guarantee.officer'])).body.items;
    expect(queue.find((g: { id: string }) => g.id === id).overdue).toEqual(['claim_payment_overdue']);
  });

  test('a re-guarantee claim after its deadline is refused with the dates', async () => {
    const compensated = await post(t, `/api/guarantees/${id}/compensate`, { note: '同意代偿' }, 'guarantee.approver');
    expect(compensated.body.compensation.reguaranteeClaimBy).toBe('2027-04-29');
    await moveTo('2027-04-30T08:00:00Z');
    expect((await t.api.get(`/api/guarantees/${id}`, tokens['guarantee.officer'])).body.overdue).toEqual(['reguarantee_claim_overdue']);
    const before = await databaseDigest(t.platform);
    const late = await post(t, `/api/guarantees/${id}/reguarantee-claim`, { note: '向省再担保申请分险' }, 'guarantee.officer');
    expect(late.status).toBe(409);
    expect(late.body.error).toMatchObject({ code: 'GUARANTEE_CHECK_FAILED', details: { check: 'reguarantee_claim_deadline', reguaranteeClaimBy: '2027-04-29', reguaranteeClaimDays: 60, today: '2027-04-30' } });
    expect(await databaseDigest(t.platform)).toEqual(before);
  });
});

describe('the re-guarantor acts on the claims filed with it', () => {
  test('reguarantor.officer acknowledges a re-guarantee claim and pays exactly its share; the guarantor cannot do it for them', async () => {
    const list = (await t.api.get('/api/guarantees?state=RECOVERING,REGUARANTEE_CLAIMED', tokens['reguarantor.officer'])).body.items;
    const g = list.find((x: { reguaranteeClaim: { acknowledgedAt?: unknown } | null }) => x.reguaranteeClaim && !x.reguaranteeClaim.acknowledgedAt);
    expect(g).toBeDefined();
    expect((await post(t, `/api/guarantees/${g.id}/reguarantee-acknowledge`, { note: '已收到' }, 'guarantee.officer')).status).toBe(403);
    const early = await post(t, `/api/guarantees/${g.id}/reguarantee-pay`, { amountFen: g.reguaranteeClaim.amountFen, note: '拨付' }, 'reguarantor.officer');
    expect(early.body.error).toMatchObject({ code: 'GUARANTEE_CHECK_FAILED', details: { check: 'reguarantee_acknowledged' } });
    const ack = await post(t, `/api/guarantees/${g.id}/reguarantee-acknowledge`, { note: '已收到分险申请' }, 'reguarantor.officer', 'ack-0001');
    expect(ack.body.reguaranteeClaim).toMatchObject({ acknowledgedBy: { username: 'reguarantor.officer' }, acknowledgeNote: '已收到分险申请' });
    expect((await post(t, `/api/guarantees/${g.id}/reguarantee-acknowledge`, { note: '已收到分险申请' }, 'reguarantor.officer', 'ack-0001')).status).toBe(200);
    const wrong = await post(t, `/api/guarantees/${g.id}/reguarantee-pay`, { amountFen: g.reguaranteeClaim.amountFen - 1, note: '拨付' }, 'reguarantor.officer');
    expect(wrong.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'amountFen', details: { shareFen: g.reguaranteeClaim.amountFen } });
    const paid = await post(t, `/api/guarantees/${g.id}/reguarantee-pay`, { amountFen: g.reguaranteeClaim.amountFen, note: '按30%分险比例拨付' }, 'reguarantor.officer');
    expect(paid.body.reguaranteeClaim).toMatchObject({ paidFen: g.reguaranteeClaim.amountFen, paidBy: { username: 'reguarantor.officer' } });
    expect((await post(t, `/api/guarantees/${g.id}/reguarantee-pay`, { amountFen: g.reguaranteeClaim.amountFen, note: 'x' }, 'reguarantor.officer')).body.error.code).toBe('CONFLICT');
  });
});

async function moveTo(iso: string): Promise<void> {
  t.clock.advance(Date.parse(iso) - t.clock.now().getTime());
  await relogin(t);
}

async function bankDoc(text: string): Promise<string> {
  const res = await fetch(`${t.baseUrl}/api/documents`, {
    method: 'POST', headers: { Authorization: `Bearer ${tokens['bank.officer']}`, 'Content-Type': 'application/pdf', 'X-Filename': encodeURIComponent(`${text}.pdf`) }, body: Buffer.from(text),
  });
  return ((await res.json()) as { id: string }).id;
}
