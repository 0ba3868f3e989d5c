import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { databaseDigest, startTestPlatform, type TestPlatform } from '../../../../test-support/test-platform.js';
import { applicationBody, loginAll, post, recommendation, submitted, tarim, tokens, waterAsset } from './loan-fixtures.js';

let t: TestPlatform;

beforeAll(async () => {
  t = await startTestPlatform({ seedDemo: true, start: new Date('2026-11-29T08:00:00Z') });
  await loginAll(t);
}, 180_000);
afterAll(() => t.close());

describe('an application is saved as a draft and submitted only when complete', () => {
  test('a draft may leave fields open; submitting it names the first missing field and changes nothing', async () => {
    const draft = await t.api.post('/api/loan-applications', { purpose: '滴灌改造' }, tokens['enterprise']);
    expect(draft.status).toBe(201);
    expect(draft.body).toMatchObject({ state: 'DRAFT', amountFen: null, purpose: '滴灌改造', repaymentMethod: 'equal_instalment', frequency: 'monthly', assetIds: [], bankIds: [] });
    const before = await databaseDigest(t.platform);
    const res = await t.api.post(`/api/loan-applications/${draft.body.id}/submit`, {}, tokens['enterprise']);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'amountFen' });
    expect(await databaseDigest(t.platform)).toEqual(before);
  });

  test('an ineligible green category is refused at submission', async () => {
    const assetId = await waterAsset(t);
    const draft = await t.api.post('/api/loan-applications', { ...applicationBody([assetId], [tarim()]), taxonomyCode: '3.1-coal_clean_utilisation' }, tokens['enterprise']);
    const res = await t.api.post(`/api/loan-applications/${draft.body.id}/submit`, {}, tokens['enterprise']);
    expect(res.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'taxonomyCode', message: '3.1-coal_clean_utilisation is not an eligible green category' });
  });

  test('the same Idempotency-Key on creation returns the first draft', async () => {
    const body = applicationBody([], []);
    const first = await t.api.request('POST', '/api/loan-applications', { body, token: tokens['enterprise'], headers: { 'Idempotency-Key': 'draft-key-0001' } });
    const again = await t.api.request('POST', '/api/loan-applications', { body, token: tokens['enterprise'], headers: { 'Idempotency-Key': 'draft-key-0001' } });
    expect([first.status, again.status]).toEqual([201, 201]);
    expect(again.body.id).toBe(first.body.id);
  });
});

describe('the full happy path through the API', () => {
  let assetId: string;
  let loanId: string;

  test('submission opens the bank’s review and stores the pre-screen with the versions it used', async () => {
    assetId = await waterAsset(t);
    const application = await submitted(t, [assetId], [tarim()]);
    expect(application.state).toBe('SUBMITTED');
    expect(application.offers.map((l: any) => [l.institutionId, l.state])).toEqual([[tarim(), 'SUBMITTED']]);
    loanId = application.offers[0].id;
    const prescreen = (await t.api.get(`/api/loan-applications/${application.id}`, tokens['enterprise'])).body.prescreen;
    const valuation = (await t.api.get(`/api/assets/${assetId}/valuations`, tokens['enterprise'])).body.items[0];
    const snapshot = await t.platform.services.points.repositories.snapshots.find(application.subjectId);
    expect(prescreen).toMatchObject({
      eligible: true,
      grade: snapshot?.grade ?? null,
      valuations: [{ assetId, valuationId: valuation.id, valueFen: 64_575_463, lendingValueFen: 45_202_824, pledgeRate: 0.5, maxLoanFen: 22_601_412, maxTermYears: 4, name: '和田河墨玉段农业取水权' }],
      maxLoanFen: 22_601_412,
      maxLoan: { pledgeCapacityFen: 22_601_412, maxTermMonths: 48 },
      taxonomy: { code: '1.4-water_saving_irrigation', eligible: true, name: '高效节水灌溉（滴灌、喷灌、渠道防渗）' },
      versions: { pricingConfig: '2026.11.1', taxonomy: '2026.11.1', ruleSet: snapshot ? `${snapshot.ruleSetId}@${snapshot.ruleSetVersion}` : null, valuationConfigs: ['2026.11.1'], valuationEngines: ['@eco/scoring@0.1.0'] },
    });
    // 3.00 % LPR + 120 bp spread − the grade's discount (none without a score)
    expect(prescreen.suggestedAnnualRateBp).toBe(420 - Math.min(100, Math.max(0, snapshot?.benefits?.loanRateDiscountBp ?? 0)));
  });

  test('officer reviews, asks for information, assesses and recommends; approver approves; applicant accepts; officer disburses', async () => {
    expect((await post(t, `/api/loans/${loanId}/start-review`, {}, 'bank.officer')).body.state).toBe('UNDER_REVIEW');
    expect((await post(t, `/api/loans/${loanId}/request-info`, { message: '请补充近三年用水记录' }, 'bank.officer')).body.state).toBe('INFO_REQUESTED');
    expect((await post(t, `/api/loans/${loanId}/provide-info`, { message: '已上传用水记录' }, 'enterprise')).body.state).toBe('UNDER_REVIEW');
    expect((await post(t, `/api/loans/${loanId}/assess`, { taxonomyCode: '1.4-water_saving_irrigation', note: '符合目录' }, 'bank.officer')).body.state).toBe('GREEN_ASSESSED');
    expect((await post(t, `/api/loans/${loanId}/recommend`, recommendation(), 'bank.officer')).body.state).toBe('PENDING_APPROVAL');
    expect((await post(t, `/api/loans/${loanId}/approve`, { note: '同意' }, 'bank.approver')).body.state).toBe('APPROVED');
    expect((await post(t, `/api/loans/${loanId}/accept`, {}, 'enterprise')).body.state).toBe('ACCEPTED');
    const active = await post(t, `/api/loans/${loanId}/disburse`, { disbursementDate: '2026-11-29' }, 'bank.officer');
    expect(active.status).toBe(200);
    expect(active.body).toMatchObject({ state: 'ACTIVE', pledgedAssetIds: [assetId], pendingStep: null });
    // 200,000.00 yuan at 3.80 %, 24 monthly annuity instalments, actual/360: first month 30 days → interest 20,000,000 × 0.038 × 30 / 360 = 63,333.33 fen
    expect(active.body.schedule).toMatchObject({ levelInstalmentFen: 866_719, firstDueDate: '2026-12-29', maturityDate: '2028-11-29' });
    expect(active.body.schedule.instalments).toHaveLength(24);
    expect(active.body.schedule.instalments[0]).toMatchObject({ number: 1, days: 30, principalFen: 803_386, interestFen: 63_333, totalFen: 866_719 });
    const asset = await t.platform.repositories.assets.findById(assetId);
    expect(asset!.encumbrance).toMatchObject({ status: 'pledged', loanId, institutionId: tarim() });
    expect(asset!.pledgedLoan).toMatchObject({ loanId, outstandingFen: 20_000_000 });
  });

  test('the history names every step, who took it and from which state', async () => {
    const loan = (await t.api.get(`/api/loans/${loanId}`, tokens['bank.officer'])).body;
    expect(loan.history.map((h: any) => [h.action, h.from, h.to, h.by?.username ?? null])).toEqual([
      ['submit', null, 'SUBMITTED', 'enterprise'],
      ['startReview', 'SUBMITTED', 'UNDER_REVIEW', 'bank.officer'],
      ['requestInfo', 'UNDER_REVIEW', 'INFO_REQUESTED', 'bank.officer'],
      ['provideInfo', 'INFO_REQUESTED', 'UNDER_REVIEW', 'enterprise'],
      ['assessGreen', 'UNDER_REVIEW', 'GREEN_ASSESSED', 'bank.officer'],
      ['recommend', 'GREEN_ASSESSED', 'PENDING_APPROVAL', 'bank.officer'],
      ['approve', 'PENDING_APPROVAL', 'APPROVED', 'bank.approver'],
      ['accept', 'APPROVED', 'ACCEPTED', 'enterprise'],
      ['disburse', 'ACCEPTED', 'ACTIVE', 'bank.officer'],
    ]);
    expect(loan.glance).toMatchObject({ maxLoanFen: 22_601_412, collateralValueFen: 64_575_463, ltvBp: 3097, eligible: true });
    const audit = await t.platform.services.audit.list({ limit: 50, offset: 0 }, { entityType: 'loan', entityId: loanId });
    expect(audit.items.map((r) => r.action).reverse()).toEqual([
      'loan.submit', 'loan.startReview', 'loan.requestInfo', 'loan.provideInfo', 'loan.assessGreen', 'loan.recommend', 'loan.approve', 'loan.accept', 'loan.disburse',
    ]);
    expect(audit.items[0]!.changes).toMatchObject({ before: { state: 'ACCEPTED' }, after: { state: 'ACTIVE' } });
  });

  test('the applicant sees the schedule and the balance; a repayment is applied interest first', async () => {
    const repaid = await post(t, `/api/loans/${loanId}/repayments`, { amountFen: 866_719, date: '2026-12-29' }, 'bank.officer');
    expect(repaid.status).toBe(201);
    expect(repaid.body.repayments[0]).toMatchObject({ kind: 'repayment', amountFen: 866_719, appliedFen: 866_719, unappliedFen: 0 });
    expect(repaid.body.repayments[0].lines).toEqual([
      { instalment: 1, component: 'interest', amountFen: 63_333 },
      { instalment: 1, component: 'principal', amountFen: 803_386 },
    ]);
    const view = await t.api.get(`/api/loans/${loanId}/repayments`, tokens['enterprise']);
    expect(view.body.outstanding).toMatchObject({ status: 'CURRENT', principalOutstandingFen: 19_196_614 });
    const asset = await t.platform.repositories.assets.findById(repaid.body.pledgedAssetIds[0]);
    expect(asset!.pledgedLoan!.outstandingFen).toBe(19_196_614);
  });

  test('PDFs: the credit assessment for the bank, the approval letter and the repayment schedule', async () => {
    const pdf = async (kind: string, user: string) => {
      const res = await fetch(`${t.baseUrl}/api/loans/${loanId}/${kind}.pdf`, { headers: { Authorization: `Bearer ${tokens[user]}` } });
      return { status: res.status, type: res.headers.get('content-type'), head: Buffer.from(await res.arrayBuffer()).subarray(0, 5).toString('latin1') };
    };
    expect(await pdf('credit-assessment', 'bank.officer')).toEqual({ status: 200, type: 'application/pdf', head: '%PDF-' });
    expect(await pdf('approval-letter', 'enterprise')).toEqual({ status: 200, type: 'application/pdf', head: '%PDF-' });
    expect(await pdf('repayment-schedule', 'enterprise')).toEqual({ status: 200, type: 'application/pdf', head: '%PDF-' });
    expect((await pdf('credit-assessment', 'enterprise')).status).toBe(404);
    expect((await pdf('repayment-schedule', 'bosten.officer')).status).toBe(404);
  });
});
