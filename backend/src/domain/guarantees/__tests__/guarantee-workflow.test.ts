import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { databaseDigest, startTestPlatform, type TestPlatform } from '../../../../test-support/test-platform.js';
import { assessedLoan, disburse, guaranteeAt, ids, letterBody, loginGuarantee, post, recommendBody, requestBody, tokens } from './guarantee-fixtures.js';

let t: TestPlatform;

beforeAll(async () => {
  t = await startTestPlatform({ seedDemo: true, start: new Date('2026-11-29T08:00:00Z') });
  await loginGuarantee(t);
}, 180_000);
afterAll(() => t.close());

describe('the full path from the bank’s request to release when the loan closes', () => {
  let loanId: string;
  let id: string;

  test('the bank requests a guarantee for its green-assessed loan: the loan waits in GUARANTEE_PENDING, the guarantee is APPLIED', async () => {
    loanId = await assessedLoan(t);
    const res = await post(t, '/api/guarantees', requestBody(loanId), 'bank.officer', 'g-request-0001');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ state: 'APPLIED', amountFen: 20_000_000, termDays: 730, loanId, institutionId: ids['guarantor'], reguarantorId: ids['reguarantor'], allowedActions: ['startDueDiligence', 'decline'] });
    expect(res.body.loan).toMatchObject({ amountFen: 20_000_000, termMonths: 24, applicantName: '和田玉枣生态农业有限公司', bankName: '塔里木农村商业银行', loanState: 'GUARANTEE_PENDING' });
    id = res.body.id;
    expect((await t.api.get(`/api/loans/${loanId}`, tokens['bank.officer'])).body.state).toBe('GUARANTEE_PENDING');
    const again = await post(t, '/api/guarantees', requestBody(loanId), 'bank.officer', 'g-request-0001');
    expect([again.status, again.body.id]).toEqual([201, id]);
    const second = await post(t, '/api/guarantees', requestBody(loanId), 'bank.officer');
    expect(second.body.error).toMatchObject({ code: 'GUARANTEE_ALREADY_REQUESTED', details: { guaranteeId: id, currentState: 'APPLIED' } });
  });

  test('due diligence, then the recommendation prices the fee within the cap and checks capacity', async () => {
    expect((await post(t, `/api/guarantees/${id}/start-due-diligence`, {}, 'guarantee.officer')).body.state).toBe('DUE_DILIGENCE');
    const res = await post(t, `/api/guarantees/${id}/recommend`, recommendBody, 'guarantee.officer', 'g-recommend-0001');
    expect(res.status).toBe(200);
    const grade = res.body.loan.grade as string | null;
    const discount = ({ AAA: 30, AA: 20, A: 10 } as Record<string, number>)[grade ?? ''] ?? 0;
    const rate = 100 - discount;
    expect(res.body.state).toBe('COMMITTEE_REVIEW');
    expect(res.body.recommendation).toMatchObject({
      proposedFeeRateBp: 100, gradeDiscountBp: discount, annualFeeRateBp: rate,
      // 20 000 000 fen × rate bp × 730/365
      feeFen: 20_000_000 * rate * 2 / 10_000,
      riskShares: { originalGuarantorBp: 4000, reguarantorBp: 3000, bankBp: 2000, localGovernmentBp: 1000 }, coverageRatioBp: 10_000,
      feeCap: { capAnnualRateBp: 100 }, capacity: { multiple: 15, outstandingLimitFen: 450_000_000_000, obligorLimitFen: 3_000_000_000 },
      rulesVersion: '2026.11.1', by: { username: 'guarantee.officer' },
    });
    const again = await post(t, `/api/guarantees/${id}/recommend`, recommendBody, 'guarantee.officer', 'g-recommend-0001');
    expect([again.status, again.body.state]).toEqual([200, 'COMMITTEE_REVIEW']);
  });

  test('the committee approves, the counter-guarantee is recorded and the letter issued: the loan’s guarantee is confirmed', async () => {
    expect((await post(t, `/api/guarantees/${id}/approve`, { note: '同意担保' }, 'guarantee.approver')).body).toMatchObject({ state: 'APPROVED', decision: { decision: 'approved', level: 'approver', by: { username: 'guarantee.approver' } } });
    expect((await post(t, `/api/guarantees/${id}/request-counter-guarantee`, { reason: '请提供反担保' }, 'guarantee.officer')).body.state).toBe('COUNTER_GUARANTEE_PENDING');
    const issued = await post(t, `/api/guarantees/${id}/issue-letter`, letterBody, 'guarantee.officer');
    expect(issued.body).toMatchObject({ state: 'LETTER_ISSUED', pendingStep: null, letter: { startDate: '2026-11-29', endDate: '2028-11-28', feeFen: issued.body.recommendation.feeFen }, counterGuarantee: { kind: 'other_security', valueFen: 5_000_000 } });
    expect(issued.body.letter.number).toMatch(/^XJLD-2026-[0-9A-F]{6}$/);
    expect((await t.api.get(`/api/loans/${loanId}`, tokens['bank.officer'])).body).toMatchObject({ state: 'GUARANTEE_CONFIRMED', guaranteeId: id });
    const pdf = await t.api.request('GET', `/api/guarantees/${id}/letter.pdf`, { token: tokens['bank.officer'] });
    expect(pdf.status).toBe(200);
  });

  test('the bank cannot confirm disbursement before the loan is disbursed; after it, the guarantee is IN_FORCE', async () => {
    const early = await post(t, `/api/guarantees/${id}/confirm-disbursement`, {}, 'bank.officer');
    expect(early.body.error).toMatchObject({ code: 'GUARANTEE_CHECK_FAILED', details: { check: 'loan_disbursed', loanState: 'GUARANTEE_CONFIRMED' } });
    await disburse(t, loanId);
    expect((await post(t, `/api/guarantees/${id}/confirm-disbursement`, {}, 'bank.officer')).body).toMatchObject({ state: 'IN_FORCE' });
  });

  test('the release waits for the loan to close; repaid in full, the guarantee is RELEASED', async () => {
    const early = await post(t, `/api/guarantees/${id}/release`, {}, 'bank.officer');
    expect(early.body.error).toMatchObject({ code: 'GUARANTEE_CHECK_FAILED', details: { check: 'loan_closed', loanState: 'ACTIVE' } });
    const repaid = await post(t, `/api/loans/${loanId}/repayments`, { amountFen: 20_000_000, date: '2026-11-29' }, 'bank.officer');
    expect(repaid.body.state).toBe('CLOSED');
    const run = await t.platform.services.guarantees.recover();
    expect(run.released).toEqual([id]);
    const g = (await t.api.get(`/api/guarantees/${id}`, tokens['guarantee.officer'])).body;
    expect(g).toMatchObject({ state: 'RELEASED', open: false, allowedActions: [] });
    expect(g.history.map((h: { action: string }) => h.action)).toEqual(['request', 'startDueDiligence', 'recommend', 'approve', 'requestCounterGuarantee', 'issueLetter', 'confirmDisbursement', 'release']);
  });

  test('every transition is in the audit trail with before and after', async () => {
    const records = await t.platform.connection.db!.collection('audit_records').find({ entityType: 'guarantee', entityId: id }).sort({ seq: 1 }).toArray();
    expect(records.map((r) => r['action'])).toEqual(['guarantee.request', 'guarantee.startDueDiligence', 'guarantee.recommend', 'guarantee.approve', 'guarantee.requestCounterGuarantee', 'guarantee.issueLetter', 'guarantee.confirmDisbursement', 'guarantee.release']);
    expect(records[3]).toMatchObject({ actor: { username: 'guarantee.approver' }, changes: { before: { state: 'COMMITTEE_REVIEW', decision: null }, after: { state: 'APPROVED', decision: { decision: 'approved', by: 'guarantee.approver' } } } });
  });
});

describe('every illegal transition is refused naming the current state, and writes nothing', () => {
  const steps: [string, unknown, string][] = [
    ['recommend', recommendBody, 'guarantee.officer'], ['approve', { note: 'x' }, 'guarantee.approver'], ['reject', { reason: 'x' }, 'guarantee.approver'],
    ['request-counter-guarantee', { reason: 'x' }, 'guarantee.officer'], ['issue-letter', letterBody, 'guarantee.officer'], ['confirm-disbursement', {}, 'bank.officer'],
    ['release', {}, 'bank.officer'], ['compensate', { note: 'x' }, 'guarantee.approver'], ['reguarantee-claim', { note: 'x' }, 'guarantee.officer'],
    ['start-recovery', { note: 'x' }, 'guarantee.officer'], ['recoveries', { amountFen: 1, note: 'x' }, 'guarantee.officer'], ['close', { note: 'x' }, 'guarantee.approver'], ['write-off', { note: 'x' }, 'guarantee.approver'],
  ];

  test('a guarantee in APPLIED allows only due diligence and the officer’s decline', async () => {
    const { guaranteeId } = await guaranteeAt(t, 'APPLIED');
    const before = await databaseDigest(t.platform);
    for (const [step, body, user] of steps) {
      const res = await post(t, `/api/guarantees/${guaranteeId}/${step}`, body, user);
      expect([step, res.status, res.body.error.code, res.body.error.details.currentState]).toEqual([step, 409, 'GUARANTEE_INVALID_TRANSITION', 'APPLIED']);
    }
    expect((await post(t, `/api/guarantees/${guaranteeId}/approve`, { note: 'x' }, 'guarantee.approver')).body.error.message).toBe('cannot approve a guarantee that is APPLIED (allowed from COMMITTEE_REVIEW)');
    expect(await databaseDigest(t.platform)).toEqual(before);
  });

  test('a rejected guarantee allows nothing, and the loan may have a new one', async () => {
    const { guaranteeId, loanId } = await guaranteeAt(t, 'COMMITTEE_REVIEW');
    expect((await post(t, `/api/guarantees/${guaranteeId}/reject`, { reason: '反担保不足' }, 'guarantee.approver')).body).toMatchObject({ state: 'REJECTED', open: false, decision: { decision: 'rejected' } });
    const res = await post(t, `/api/guarantees/${guaranteeId}/start-due-diligence`, {}, 'guarantee.officer');
    expect(res.body.error).toMatchObject({ code: 'GUARANTEE_INVALID_TRANSITION', details: { currentState: 'REJECTED' } });
    const renewed = await post(t, '/api/guarantees', requestBody(loanId), 'bank.officer');
    expect([renewed.status, renewed.body.error]).toEqual([201, undefined]);
  });
});

describe('four eyes and approval tiers', () => {
  test('the officer who recommended cannot approve', async () => {
    const user = await t.platform.services.directory.createUser({ requestId: 'test', principal: { userId: 'system', username: 'system', roles: ['admin'], permissions: new Set(['admin.users']) } } as never, {
      username: 'guarantee.both', displayName: '兼岗测试', password: 'EcoDemo2026', roles: ['guarantee_officer', 'guarantee_approver'], institutionId: ids['guarantor'],
    });
    expect(user.username).toBe('guarantee.both');
    tokens['guarantee.both'] = await t.api.login('guarantee.both');
    const { guaranteeId } = await guaranteeAt(t, 'DUE_DILIGENCE');
    await post(t, `/api/guarantees/${guaranteeId}/recommend`, recommendBody, 'guarantee.both');
    const res = await post(t, `/api/guarantees/${guaranteeId}/approve`, { note: '同意' }, 'guarantee.both');
    expect(res.status).toBe(403);
    expect(res.body.error).toMatchObject({ code: 'GUARANTEE_MAKER_CHECKER', details: { recommendedBy: 'guarantee.both' } });
    expect((await post(t, `/api/guarantees/${guaranteeId}/approve`, { note: '同意' }, 'guarantee.approver')).body.state).toBe('APPROVED');
  });

  test('an approver below the required tier is refused, naming the level needed', async () => {
    const profile = (await t.api.get(`/api/guarantee-institutions/${ids['guarantor']}/profile`, tokens['admin'])).body;
    const put = (approverLevels: Record<string, string>, expectedVersion: number) => t.api.request('PUT', `/api/guarantee-institutions/${ids['guarantor']}/profile`, {
      token: tokens['admin'], body: { netAssetsFen: profile.netAssetsFen, mainlySmallBusinessAgriculture: true, reguarantorId: ids['reguarantor'], approverLevels, expectedVersion },
    });
    const trainee = await put({ 'guarantee.approver': 'trainee' }, profile.version);
    expect(trainee.body.version).toBe(profile.version + 1);
    const { guaranteeId } = await guaranteeAt(t, 'COMMITTEE_REVIEW');
    const res = await post(t, `/api/guarantees/${guaranteeId}/approve`, { note: '同意' }, 'guarantee.approver');
    expect(res.status).toBe(403);
    expect(res.body.error).toMatchObject({ code: 'GUARANTEE_APPROVAL_LIMIT_EXCEEDED', details: { requiredLevel: 'approver', approverLevel: 'trainee' } });
    expect((await put(profile.approverLevels, profile.version + 1)).status).toBe(200);
    const stale = await put({}, profile.version);
    expect(stale.body.error).toMatchObject({ code: 'CONFLICT', details: { currentVersion: profile.version + 2 } });
  });
});

describe('fee cap, risk shares and capacity are checked as rules with the figures', () => {
  test('a fee above 1 %/yr for a borrower at most 5 million yuan is refused', async () => {
    const { guaranteeId } = await guaranteeAt(t, 'DUE_DILIGENCE');
    const before = await databaseDigest(t.platform);
    const res = await post(t, `/api/guarantees/${guaranteeId}/recommend`, { ...recommendBody, proposedFeeRateBp: 200 }, 'guarantee.officer');
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'GUARANTEE_FEE_ABOVE_CAP', field: 'proposedFeeRateBp', details: { capAnnualRateBp: 100 } });
    expect(res.body.error.details.annualFeeRateBp).toBe(200 - res.body.error.details.gradeDiscountBp);
    const shares = await post(t, `/api/guarantees/${guaranteeId}/recommend`, { ...recommendBody, riskShares: { originalGuarantorBp: 4000, reguarantorBp: 3000, bankBp: 2000, localGovernmentBp: 500 } }, 'guarantee.officer');
    expect([shares.status, shares.body.error.code, shares.body.error.message]).toEqual([400, 'GUARANTEE_RISK_SHARES_INVALID', 'risk shares must total 10000 bp (100 %), got 9500 bp']);
    expect(await databaseDigest(t.platform)).toEqual(before);
  });

  test('a guarantee beyond 10 × net assets and 10 % for one obligor is refused with the figures', async () => {
    const profile = (await t.api.get(`/api/guarantee-institutions/${ids['guarantor']}/profile`, tokens['admin'])).body;
    const put = (netAssetsFen: number, small: boolean, expectedVersion: number) => t.api.request('PUT', `/api/guarantee-institutions/${ids['guarantor']}/profile`, {
      token: tokens['admin'], body: { netAssetsFen, mainlySmallBusinessAgriculture: small, reguarantorId: ids['reguarantor'], approverLevels: profile.approverLevels, expectedVersion },
    });
    const { guaranteeId } = await guaranteeAt(t, 'DUE_DILIGENCE');
    const portfolio = (await t.api.get('/api/guarantee-portfolio', tokens['guarantee.officer'])).body;
    // Net assets 1 000 000 fen: at most 10 000 000 fen outstanding, 100 000 fen for one obligor.
    expect((await put(1_000_000, false, profile.version)).status).toBe(200);
    const res = await post(t, `/api/guarantees/${guaranteeId}/recommend`, recommendBody, 'guarantee.officer');
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({
      code: 'GUARANTEE_CAPACITY_EXCEEDED',
      details: { netAssetsFen: 1_000_000, multiple: 10, outstandingLimitFen: 10_000_000, outstandingAfterFen: portfolio.outstandingFen + 20_000_000, obligorLimitFen: 100_000 },
    });
    expect(res.body.error.details.breaches.map((b: { limit: string }) => b.limit)).toEqual(['outstanding_multiple', 'single_obligor']);
    expect((await put(profile.netAssetsFen, true, profile.version + 1)).status).toBe(200);
    expect((await post(t, `/api/guarantees/${guaranteeId}/recommend`, recommendBody, 'guarantee.officer')).body.state).toBe('COMMITTEE_REVIEW');
  });

  test('the portfolio reports outstanding vs capacity and the average fee vs the < 1 % target', async () => {
    const res = await t.api.get('/api/guarantee-portfolio', tokens['guarantee.officer']);
    expect(res.body).toMatchObject({ netAssetsFen: 30_000_000_000, mainlySmallBusinessAgriculture: true, capacityMultiple: 15, capacityLimitFen: 450_000_000_000, obligorLimitFen: 3_000_000_000, averageFee: { targetBp: 100 } });
    expect(res.body.outstandingFen).toBe(Object.entries(res.body.byState as Record<string, { amountFen: number }>).filter(([s]) => ['APPROVED', 'COUNTER_GUARANTEE_PENDING', 'LETTER_ISSUED', 'IN_FORCE', 'DEFAULT_NOTIFIED', 'CLAIM_SUBMITTED'].includes(s)).reduce((sum, [, r]) => sum + r.amountFen, 0));
    expect((await t.api.get('/api/guarantee-portfolio', tokens['bank.officer'])).status).toBe(403);
  });
});

describe('tenancy: only the bank of the loan and the guarantor see a guarantee', () => {
  test('another bank gets 404 and an empty list; an applicant is refused', async () => {
    const { guaranteeId } = await guaranteeAt(t, 'APPLIED');
    tokens['bosten.officer'] ??= await t.api.login('bosten.officer');
    expect((await t.api.get(`/api/guarantees/${guaranteeId}`, tokens['bosten.officer'])).status).toBe(404);
    expect((await post(t, `/api/guarantees/${guaranteeId}/confirm-disbursement`, {}, 'bosten.officer')).status).toBe(404);
    expect((await t.api.get('/api/guarantees', tokens['bosten.officer'])).body.items.map((g: { id: string }) => g.id)).not.toContain(guaranteeId);
    expect((await t.api.get(`/api/guarantees/${guaranteeId}`, tokens['bank.officer'])).status).toBe(200);
    expect((await t.api.get(`/api/guarantees/${guaranteeId}`, tokens['guarantee.officer'])).status).toBe(200);
    expect((await t.api.get(`/api/guarantees/${guaranteeId}`, tokens['regulator'])).status).toBe(200);
    expect((await t.api.get('/api/guarantees', tokens['enterprise'])).status).toBe(403);
  });

  test('the re-guarantor sees nothing before a re-guarantee claim and cannot act', async () => {
    const { guaranteeId } = await guaranteeAt(t, 'APPLIED');
    expect((await t.api.get(`/api/guarantees/${guaranteeId}`, tokens['reguarantor.officer'])).status).toBe(404);
    expect((await post(t, `/api/guarantees/${guaranteeId}/start-due-diligence`, {}, 'reguarantor.officer')).status).toBe(404);
  });

  test('a bank cannot request a guarantee for another bank’s loan', async () => {
    const loanId = await assessedLoan(t);
    expect((await post(t, '/api/guarantees', requestBody(loanId), 'bosten.officer')).status).toBe(404);
  });
});

describe('crash recovery of the letter’s loan confirmation', () => {
  test('a letter issued whose loan was not yet confirmed is finished by the recovery job', async () => {
    const { guaranteeId, loanId } = await guaranteeAt(t, 'APPROVED');
    await post(t, `/api/guarantees/${guaranteeId}/request-counter-guarantee`, { reason: '请提供反担保' }, 'guarantee.officer');
    // Simulate the crash: the letter step is recorded with its intent, the loan confirmation never ran.
    const g = (await t.platform.services.guaranteeRepositories.guarantees.find({ kind: 'all' }, guaranteeId))!;
    await t.platform.services.guaranteeRepositories.guarantees.transition({ kind: 'all' }, guaranteeId, ['COUNTER_GUARANTEE_PENDING'], {
      state: 'LETTER_ISSUED', letter: { number: 'XJLD-TEST', feeFen: 0 }, pendingStep: { kind: 'confirm-loan', key: `confirm-loan:${g.id}`, startedAt: t.clock.now() },
    }, { action: 'issueLetter', from: 'COUNTER_GUARANTEE_PENDING', to: 'LETTER_ISSUED', at: t.clock.now(), by: null });
    expect((await t.api.get(`/api/loans/${loanId}`, tokens['bank.officer'])).body.state).toBe('GUARANTEE_PENDING');
    expect((await t.platform.services.guarantees.recover()).confirmedLoans).toEqual([]);
    t.clock.advance(6 * 60_000);
    expect((await t.platform.services.guarantees.recover()).confirmedLoans).toEqual([guaranteeId]);
    expect((await t.api.get(`/api/loans/${loanId}`, tokens['bank.officer'])).body).toMatchObject({ state: 'GUARANTEE_CONFIRMED', guaranteeId });
    expect((await t.api.get(`/api/guarantees/${guaranteeId}`, tokens['guarantee.officer'])).body.pendingStep).toBeNull();
  });
});
