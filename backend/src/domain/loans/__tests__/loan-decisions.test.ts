import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { databaseDigest, startTestPlatform, type TestPlatform } from '../../../../test-support/test-platform.js';
import { loanStateMachine, type LoanAction } from '../loan-state-machine.js';
import { applicationBody, bosten, loginAll, post, recommendation, submitted, tarim, toAccepted, toPendingApproval, tokens, waterAsset } from './loan-fixtures.js';

let t: TestPlatform;

beforeAll(async () => {
  t = await startTestPlatform({ seedDemo: true, start: new Date('2026-11-29T08:00:00Z') });
  await loginAll(t);
}, 180_000);
afterAll(() => t.close());

const routeOf: Partial<Record<LoanAction, [string, string, unknown]>> = {
  requestInfo: ['request-info', 'bank.officer', { message: '请补充材料' }],
  provideInfo: ['provide-info', 'enterprise', { message: '已补充' }],
  assessGreen: ['assess', 'bank.officer', { taxonomyCode: '1.4-water_saving_irrigation', note: '' }],
  requestGuarantee: ['request-guarantee', 'bank.officer', { reason: '需担保' }],
  recommend: ['recommend', 'bank.officer', recommendation()],
  approve: ['approve', 'bank.approver', { note: '同意' }],
  reject: ['reject', 'bank.approver', { reasonCodes: ['POLICY'], applicantMessage: '不符合政策', note: '' }],
  undoApproval: ['undo-approval', 'bank.approver', { reason: '撤销' }],
  accept: ['accept', 'enterprise', {}],
  disburse: ['disburse', 'bank.officer', {}],
  writeOff: ['write-off', 'bank.approver', { reason: '核销' }],
};

describe('every illegal transition is refused with the current state named, and writes nothing', () => {
  test('on a SUBMITTED loan, every step but the review’s start, withdrawal and lapse is refused', async () => {
    const application = await submitted(t, [await waterAsset(t)], [tarim()]);
    const loanId = application.offers[0].id;
    const before = await databaseDigest(t.platform);
    const refused: string[] = [];
    for (const [action, [path, user, body]] of Object.entries(routeOf) as [LoanAction, [string, string, unknown]][]) {
      const res = await post(t, `/api/loans/${loanId}/${path}`, body, user);
      expect(res.status).toBe(409);
      expect(res.body.error).toMatchObject({
        code: 'LOAN_INVALID_TRANSITION',
        details: { currentState: 'SUBMITTED', allowed: [...loanStateMachine[action].from], action },
      });
      refused.push(action);
    }
    expect(refused).toEqual(['requestInfo', 'provideInfo', 'assessGreen', 'requestGuarantee', 'recommend', 'approve', 'reject', 'undoApproval', 'accept', 'disburse', 'writeOff']);
    expect(await databaseDigest(t.platform)).toEqual(before);
  });

  test('the message names the state: approving an UNDER_REVIEW loan', async () => {
    const application = await submitted(t, [await waterAsset(t)], [tarim()]);
    const loanId = application.offers[0].id;
    await post(t, `/api/loans/${loanId}/start-review`, {}, 'bank.officer');
    const res = await post(t, `/api/loans/${loanId}/approve`, { note: '' }, 'bank.approver');
    expect(res.body.error.message).toBe('cannot approve a loan that is UNDER_REVIEW (allowed from PENDING_APPROVAL)');
  });
});

describe('maker-checker and approval limits', () => {
  let dualUserToken: string;

  beforeAll(async () => {
    const created = await t.api.post('/api/users', {
      username: 'tarim.dual', displayName: '双岗测试', password: 'EcoDemo2026', roles: ['bank_officer', 'bank_approver'], institutionId: tarim(),
    }, tokens['admin']);
    expect(created.status).toBe(201);
    dualUserToken = await t.api.login('tarim.dual');
    tokens['tarim.dual'] = dualUserToken;
  });

  test('the officer who recommended cannot approve the same loan, even holding the approver role', async () => {
    const application = await submitted(t, [await waterAsset(t)], [tarim()]);
    const loanId = application.offers[0].id;
    await toPendingApproval(t, loanId, 'tarim.dual');
    const before = await databaseDigest(t.platform);
    const res = await post(t, `/api/loans/${loanId}/approve`, { note: '自审' }, 'tarim.dual');
    expect(res.status).toBe(403);
    expect(res.body.error).toMatchObject({ code: 'LOAN_MAKER_CHECKER', details: { recommendedBy: 'tarim.dual' } });
    expect((await post(t, `/api/loans/${loanId}/reject`, { reasonCodes: ['OTHER'], applicantMessage: 'x', note: '' }, 'tarim.dual')).body.error.code).toBe('LOAN_MAKER_CHECKER');
    expect(await databaseDigest(t.platform)).toEqual(before);
    expect((await post(t, `/api/loans/${loanId}/approve`, { note: '复核同意' }, 'bank.approver')).body.state).toBe('APPROVED');
  });

  test('an approver above their tier is refused; a new version of the bank’s limits raising their level lets them approve', async () => {
    const approverId = (await t.platform.repositories.users.findByUsername('bank.approver'))!.id;
    const limits = { tiers: [{ level: 'branch_approver', label: '支行审批人', maxAmountFen: 10_000_000 }, { level: 'head_office_approver', label: '总行审批人' }], defaultLevel: 'branch_approver' };
    const v1 = await t.api.request('PUT', `/api/loan-approval-limits/${tarim()}`, { body: limits, token: tokens['admin'] });
    expect(v1.body).toMatchObject({ version: 1, defaultLevel: 'branch_approver' });
    const application = await submitted(t, [await waterAsset(t)], [tarim()]);
    const loanId = application.offers[0].id;
    await toPendingApproval(t, loanId, 'bank.officer');
    const refused = await post(t, `/api/loans/${loanId}/approve`, { note: '' }, 'bank.approver');
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({
      code: 'LOAN_APPROVAL_LIMIT_EXCEEDED',
      details: { amountFen: 20_000_000, requiredLevel: 'head_office_approver', approverLevel: 'branch_approver', limitFen: 10_000_000, limitsVersion: 1 },
    });
    const v2 = await t.api.request('PUT', `/api/loan-approval-limits/${tarim()}`, { body: { ...limits, approverLevels: { [approverId]: 'head_office_approver' } }, token: tokens['admin'] });
    expect(v2.body.version).toBe(2);
    const approved = await post(t, `/api/loans/${loanId}/approve`, { note: '总行同意' }, 'bank.approver');
    expect(approved.body.decision).toMatchObject({ decision: 'approved', limitsVersion: 2, approverLevel: 'head_office_approver', requiredLevel: 'head_office_approver' });
  });

  test('limits whose tiers do not rise are refused', async () => {
    const res = await t.api.request('PUT', `/api/loan-approval-limits/${bosten()}`, {
      body: { tiers: [{ level: 'a_level', label: 'A', maxAmountFen: 500 }, { level: 'b_level', label: 'B', maxAmountFen: 400 }, { level: 'c_level', label: 'C' }], defaultLevel: 'a_level' }, token: tokens['admin'],
    });
    expect(res.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'tiers.1.maxAmountFen' });
  });

  test('a rejection carries reason codes and the message the applicant reads', async () => {
    const application = await submitted(t, [await waterAsset(t)], [tarim()]);
    const loanId = application.offers[0].id;
    await toPendingApproval(t, loanId, 'bank.officer');
    await post(t, `/api/loans/${loanId}/reject`, { reasonCodes: ['REPAYMENT_CAPACITY', 'LOW_GRADE'], applicantMessage: '经营现金流不足以覆盖月供', note: '内部：负债率高' }, 'bosten.approver');
    expect((await t.api.get(`/api/loans/${loanId}`, tokens['enterprise'])).body.state).toBe('PENDING_APPROVAL');
    await post(t, `/api/loans/${loanId}/reject`, { reasonCodes: ['REPAYMENT_CAPACITY', 'LOW_GRADE'], applicantMessage: '经营现金流不足以覆盖月供', note: '内部：负债率高' }, 'bank.approver');
    const seen = (await t.api.get(`/api/loan-applications/${application.id}`, tokens['enterprise'])).body.offers[0];
    expect(seen).toMatchObject({ state: 'REJECTED', rejection: { reasonCodes: ['REPAYMENT_CAPACITY', 'LOW_GRADE'], applicantMessage: '经营现金流不足以覆盖月供' } });
  });

  test('the approver may undo an approval before acceptance; afterwards the applicant cannot accept it', async () => {
    const application = await submitted(t, [await waterAsset(t)], [tarim()]);
    const loanId = application.offers[0].id;
    await toPendingApproval(t, loanId, 'bank.officer');
    await post(t, `/api/loans/${loanId}/approve`, { note: '同意' }, 'bank.approver');
    expect((await post(t, `/api/loans/${loanId}/undo-approval`, { reason: '押品估值待复核' }, 'bank.approver')).body).toMatchObject({ state: 'PENDING_APPROVAL', decision: null });
    const accept = await post(t, `/api/loans/${loanId}/accept`, {}, 'enterprise');
    expect(accept.body.error).toMatchObject({ code: 'LOAN_INVALID_TRANSITION', details: { currentState: 'PENDING_APPROVAL' } });
    expect((await t.api.get(`/api/loan-applications/${application.id}`, tokens['enterprise'])).body).toMatchObject({ state: 'SUBMITTED', acceptedLoanId: null });
  });
});

describe('idempotency keys', () => {
  test('approving twice with the same key returns the first outcome and records one approval', async () => {
    const application = await submitted(t, [await waterAsset(t)], [bosten()]);
    const loanId = application.offers[0].id;
    await toPendingApproval(t, loanId, 'bosten.officer');
    const first = await post(t, `/api/loans/${loanId}/approve`, { note: '同意' }, 'bosten.approver', 'approve-key-0001');
    const again = await post(t, `/api/loans/${loanId}/approve`, { note: '同意' }, 'bosten.approver', 'approve-key-0001');
    expect([first.status, again.status]).toEqual([200, 200]);
    expect(again.body).toEqual(first.body);
    const audit = await t.platform.services.audit.list({ limit: 50, offset: 0 }, { entityType: 'loan', entityId: loanId });
    expect(audit.items.filter((r) => r.action === 'loan.approve').map((r) => r.idempotencyKey)).toEqual(['approve-key-0001']);
    const other = await post(t, `/api/loans/${loanId}/approve`, { note: '同意' }, 'bosten.approver', 'approve-key-0002');
    expect(other.body.error).toMatchObject({ code: 'LOAN_INVALID_TRANSITION', details: { currentState: 'APPROVED' } });
  });

  test('ten concurrent start-review requests: exactly one moves the loan, the rest are told it is UNDER_REVIEW', async () => {
    const application = await submitted(t, [await waterAsset(t)], [tarim()]);
    const loanId = application.offers[0].id;
    const results = await Promise.all(Array.from({ length: 10 }, () => post(t, `/api/loans/${loanId}/start-review`, {}, 'bank.officer')));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    for (const r of results.filter((x) => x.status !== 200)) expect(r.body.error.details.currentState).toBe('UNDER_REVIEW');
  });
});

describe('multi-bank offers', () => {
  test('two banks offer; accepting one lapses the other, and only the accepted bank gets the pledge', async () => {
    const assetId = await waterAsset(t);
    const application = await submitted(t, [assetId], [tarim(), bosten()]);
    const byBank = Object.fromEntries(application.offers.map((l: any) => [l.institutionId, l.id])) as Record<string, string>;
    expect(Object.keys(byBank).sort()).toEqual([tarim(), bosten()].sort());
    const listedTo = async (user: string) => (await t.api.get('/api/assets?limit=100', tokens[user])).body.items.map((a: { id: string }) => a.id);
    expect(await listedTo('bank.officer')).toContain(assetId);
    expect(await listedTo('bosten.officer')).toContain(assetId);
    expect(await listedTo('ebinur.officer')).not.toContain(assetId);
    await toPendingApproval(t, byBank[tarim()]!, 'bank.officer');
    await post(t, `/api/loans/${byBank[tarim()]}/approve`, { note: '' }, 'bank.approver');
    await toAccepted(t, byBank[bosten()]!, 'bosten.officer', 'bosten.approver');
    const seen = (await t.api.get(`/api/loan-applications/${application.id}`, tokens['enterprise'])).body;
    expect(seen).toMatchObject({ state: 'OFFER_ACCEPTED', acceptedLoanId: byBank[bosten()] });
    expect(Object.fromEntries(seen.offers.map((l: any) => [l.institutionId, l.state]))).toEqual({ [tarim()]: 'LAPSED', [bosten()]: 'ACCEPTED' });
    const lapsedDisburse = await post(t, `/api/loans/${byBank[tarim()]}/disburse`, {}, 'bank.officer');
    expect(lapsedDisburse.body.error).toMatchObject({ code: 'LOAN_INVALID_TRANSITION', details: { currentState: 'LAPSED' } });
    expect((await post(t, `/api/loans/${byBank[bosten()]}/disburse`, {}, 'bosten.officer')).body.state).toBe('ACTIVE');
    expect((await t.platform.repositories.assets.findById(assetId))!.encumbrance).toMatchObject({ status: 'pledged', loanId: byBank[bosten()], institutionId: bosten() });
  });

  test('a second acceptance of the same application is refused', async () => {
    const application = await submitted(t, [await waterAsset(t)], [tarim(), bosten()]);
    const byBank = Object.fromEntries(application.offers.map((l: any) => [l.institutionId, l.id])) as Record<string, string>;
    await toPendingApproval(t, byBank[tarim()]!, 'bank.officer');
    await post(t, `/api/loans/${byBank[tarim()]}/approve`, { note: '' }, 'bank.approver');
    await toPendingApproval(t, byBank[bosten()]!, 'bosten.officer');
    await post(t, `/api/loans/${byBank[bosten()]}/approve`, { note: '' }, 'bosten.approver');
    const both = await Promise.all([post(t, `/api/loans/${byBank[tarim()]}/accept`, {}, 'enterprise'), post(t, `/api/loans/${byBank[bosten()]}/accept`, {}, 'enterprise')]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
    const states = (await t.api.get(`/api/loan-applications/${application.id}`, tokens['enterprise'])).body.offers.map((l: any) => l.state).sort();
    expect(states).toEqual(['ACCEPTED', 'LAPSED']);
  });

  test('an acceptance a crash interrupted (the application already names this offer, the loan still APPROVED) is finished when the applicant sends it again', async () => {
    const application = await submitted(t, [await waterAsset(t)], [tarim(), bosten()]);
    const byBank = Object.fromEntries(application.offers.map((l: any) => [l.institutionId, l.id])) as Record<string, string>;
    await toPendingApproval(t, byBank[tarim()]!, 'bank.officer');
    await post(t, `/api/loans/${byBank[tarim()]}/approve`, { note: '' }, 'bank.approver');
    await t.platform.services.loanRepositories.applications.compareAndSet(application.id, { state: 'SUBMITTED', acceptedLoanId: null }, { state: 'OFFER_ACCEPTED', acceptedLoanId: byBank[tarim()] });
    const again = await post(t, `/api/loans/${byBank[tarim()]}/accept`, {}, 'enterprise', 'accept-after-crash-0001');
    expect([again.status, again.body.state]).toEqual([200, 'ACCEPTED']);
    const view = (await t.api.get(`/api/loan-applications/${application.id}`, tokens['enterprise'])).body;
    expect([view.state, view.acceptedLoanId, view.offers.map((l: any) => [l.institutionId, l.state])]).toEqual([
      'OFFER_ACCEPTED', byBank[tarim()], [[tarim(), 'ACCEPTED'], [bosten(), 'LAPSED']],
    ]);
  });

  test('withdrawing an application withdraws every bank still deciding', async () => {
    const application = await submitted(t, [await waterAsset(t)], [tarim(), bosten()]);
    const res = await post(t, `/api/loan-applications/${application.id}/withdraw`, { reason: '已从其他渠道获得资金' }, 'enterprise');
    expect(res.body.state).toBe('WITHDRAWN');
    expect(res.body.offers.map((l: any) => l.state)).toEqual(['WITHDRAWN', 'WITHDRAWN']);
  });
});

describe('tenancy: another tenant’s loan answers 404', () => {
  let loanId: string;
  let applicationId: string;

  beforeAll(async () => {
    const application = await submitted(t, [await waterAsset(t)], [tarim()]);
    loanId = application.offers[0].id;
    applicationId = application.id;
  });

  test('another bank neither reads nor moves the loan; its queue does not list it', async () => {
    expect((await t.api.get(`/api/loans/${loanId}`, tokens['bosten.officer'])).status).toBe(404);
    expect((await post(t, `/api/loans/${loanId}/start-review`, {}, 'bosten.officer')).body.error).toEqual({ code: 'NOT_FOUND', message: 'loan not found' });
    expect((await t.api.get(`/api/loan-applications/${applicationId}`, tokens['bosten.officer'])).status).toBe(404);
    const queue = await t.api.get('/api/loans?state=SUBMITTED&limit=200', tokens['bosten.officer']);
    expect(queue.body.items.some((l: any) => l.id === loanId)).toBe(false);
    expect((await t.api.get('/api/loans?state=SUBMITTED&limit=200', tokens['bank.officer'])).body.items.some((l: any) => l.id === loanId)).toBe(true);
  });

  test('another applicant neither reads the loan nor accepts or withdraws it', async () => {
    expect((await t.api.get(`/api/loans/${loanId}`, tokens['walnut.coop'])).status).toBe(404);
    expect((await post(t, `/api/loans/${loanId}/withdraw`, { reason: 'x' }, 'walnut.coop')).status).toBe(404);
    expect((await t.api.get(`/api/loan-applications/${applicationId}`, tokens['walnut.coop'])).status).toBe(404);
  });

  test('a bank reads the documents attached to an application made to it; another bank does not', async () => {
    const upload = await fetch(`${t.baseUrl}/api/documents`, {
      method: 'POST', headers: { Authorization: `Bearer ${tokens['enterprise']}`, 'Content-Type': 'application/pdf', 'X-Filename': encodeURIComponent('财务报表.pdf') }, body: Buffer.from('%PDF-1.4 财务报表 2026'),
    });
    const documentId = ((await upload.json()) as { id: string }).id;
    const draft = await t.api.post('/api/loan-applications', { ...applicationBody([await waterAsset(t)], [tarim()]), documentIds: [documentId] }, tokens['enterprise']);
    expect((await t.api.get(`/api/documents/${documentId}`, tokens['bank.officer'])).status).toBe(404);
    await t.api.post(`/api/loan-applications/${draft.body.id}/submit`, {}, tokens['enterprise']);
    expect((await t.api.get(`/api/documents/${documentId}`, tokens['bank.officer'])).body).toMatchObject({ id: documentId, filename: '财务报表.pdf' });
    expect((await t.api.get(`/api/documents/${documentId}`, tokens['bosten.officer'])).status).toBe(404);
  });

  test('the bank the application is offered to now sees the applicant’s asset; a bank it is not offered to does not', async () => {
    const assetId = (await t.api.get(`/api/loan-applications/${applicationId}`, tokens['enterprise'])).body.assetIds[0];
    expect((await t.api.get(`/api/assets/${assetId}`, tokens['bank.officer'])).status).toBe(200);
    expect((await t.api.get(`/api/assets/${assetId}`, tokens['ebinur.officer'])).status).toBe(404);
  });
});

describe('guarantee', () => {
  test('a loan needing a guarantee waits in GUARANTEE_PENDING until the guarantee workflow confirms it', async () => {
    const application = await submitted(t, [await waterAsset(t)], [tarim()]);
    const loanId = application.offers[0].id;
    await post(t, `/api/loans/${loanId}/start-review`, {}, 'bank.officer');
    await post(t, `/api/loans/${loanId}/assess`, { taxonomyCode: '1.4-water_saving_irrigation', note: '' }, 'bank.officer');
    expect((await post(t, `/api/loans/${loanId}/request-guarantee`, { reason: '新客户，需政府性融资担保' }, 'bank.officer')).body).toMatchObject({ state: 'GUARANTEE_PENDING', guaranteeRequired: true });
    expect((await post(t, `/api/loans/${loanId}/recommend`, recommendation(), 'bank.officer')).body.error.details.currentState).toBe('GUARANTEE_PENDING');
    const confirmed = await t.platform.services.loanReview.confirmGuarantee(loanId, 'guarantee-0001');
    expect(confirmed).toMatchObject({ state: 'GUARANTEE_CONFIRMED', guaranteeId: 'guarantee-0001' });
    expect((await t.platform.services.loanReview.confirmGuarantee(loanId, 'guarantee-0001')).state).toBe('GUARANTEE_CONFIRMED');
    expect((await post(t, `/api/loans/${loanId}/recommend`, recommendation(), 'bank.officer')).body.state).toBe('PENDING_APPROVAL');
  });
});
