import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { databaseDigest, startTestPlatform, type TestPlatform } from '../../../../test-support/test-platform.js';
import { bondStateMachine, type BondAction } from '../bond-state-machine.js';
import { allocated, bondIn, drafted, ids, loginAll, post, terms, tokens, upload } from './bond-fixtures.js';

let t: TestPlatform;

beforeAll(async () => {
  t = await startTestPlatform({ seedDemo: true, start: new Date('2026-11-29T08:00:00Z') });
  await loginAll(t);
});
afterAll(() => t.close());

describe('the full bond path', () => {
  test('a framework is reviewed, registered, issued, fully allocated to four projects, reported on and matures', async () => {
    const draft = await drafted(t);
    expect(draft).toMatchObject({ state: 'DRAFT_FRAMEWORK', issuerName: '哈密风光新能源股份有限公司', proceedsFen: 0, allowedActions: ['submitForReview', 'cancel'] });
    expect(draft.projects.map((p: any) => [p.taxonomyCode, p.eligible])).toEqual([
      ['3.2-wind_power', true], ['3.2-solar_power', true], ['1.4-water_saving_irrigation', true], ['4.2-desertification_control', true],
    ]);

    const submitted = await post(t, `/api/bonds/${draft.id}/submit`, { reviewerInstitutionId: ids['reviewer'] }, 'issuer');
    expect(submitted.body).toMatchObject({ state: 'EXTERNAL_REVIEW_PENDING', reviewerName: '天山绿色评估认证有限公司' });
    const queue = await t.api.get('/api/bonds?state=EXTERNAL_REVIEW_PENDING', tokens['reviewer']);
    expect(queue.body.items.map((b: any) => b.id)).toContain(draft.id);

    const documentId = await upload(t, 'reviewer', '第二方意见报告 全路径');
    const reviewed = await post(t, `/api/bonds/${draft.id}/review`, { type: 'second_party_opinion', opinion: '符合四大核心要素', conclusion: 'aligned', documentId }, 'reviewer');
    expect(reviewed.status).toBe(200);
    expect(reviewed.body.review).toMatchObject({ type: 'second_party_opinion', conclusion: 'aligned', document: { id: documentId, filename: '第二方意见.pdf' } });
    expect(reviewed.body.review.document.sha256).toMatch(/^[0-9a-f]{64}$/);
    // The issuer reads the reviewer's report document.
    expect((await t.api.get(`/api/documents/${documentId}`, tokens['issuer'])).status).toBe(200);

    expect((await post(t, `/api/bonds/${draft.id}/register`, terms(), 'issuer')).body).toMatchObject({ state: 'REGISTERED', terms: { amountFen: 100_000_000_000, couponBp: 285, tenorMonths: 60 } });
    const issued = await post(t, `/api/bonds/${draft.id}/issue`, { issueDate: '2026-11-20' }, 'issuer');
    expect(issued.body).toMatchObject({ state: 'ISSUED', issueDate: '2026-11-20', maturityDate: '2031-11-20', proceedsFen: 100_000_000_000, ledger: { allocatedFen: 0, unallocatedFen: 100_000_000_000 } });

    const [wind, solar, water, poplar] = issued.body.projects.map((p: any) => p.id);
    let bond = await allocated(t, draft.id, wind, 60_000_000_000, '2024-03-01');
    expect(bond).toMatchObject({ state: 'ALLOCATING', allocatedFen: 60_000_000_000, ledger: { unallocatedFen: 40_000_000_000, allocatedShareBp: 6000, refinancingFen: 60_000_000_000 } });
    bond = await allocated(t, draft.id, solar, 25_000_000_000);
    bond = await allocated(t, draft.id, water, 10_000_000_000);
    expect(bond).toMatchObject({ state: 'ALLOCATING', ledger: { allocatedFen: 95_000_000_000, unallocatedFen: 5_000_000_000 } });
    bond = await allocated(t, draft.id, poplar, 5_000_000_000);
    expect(bond).toMatchObject({ state: 'FULLY_ALLOCATED', allocatedFen: 100_000_000_000, committedFen: 100_000_000_000, ledger: { unallocatedFen: 0, allocatedShareBp: 10_000, newFinancingFen: 40_000_000_000 } });
    expect(bond.history.map((h: any) => h.to)).toEqual(['EXTERNAL_REVIEW_PENDING', 'REVIEWED', 'REGISTERED', 'ISSUED', 'ALLOCATING', 'ALLOCATING', 'ALLOCATING', 'FULLY_ALLOCATED']);

    const report = await post(t, `/api/bonds/${draft.id}/impact-reports`, {
      year: 2026, narrative: '风电、光伏、节水灌溉和胡杨林修复项目均已投运。',
      projects: [
        { projectId: wind, measures: { standard_coal_saved_t: 182_400.5, co2e_reduced_t: 496_127.25 } },
        { projectId: solar, measures: { standard_coal_saved_t: 51_200.25, co2e_reduced_t: 139_264.5 } },
        { projectId: water, measures: { water_saved_m3: 18_460_000 } },
        { projectId: poplar, measures: { co2e_reduced_t: 41_880.125 } },
      ],
    }, 'issuer');
    expect(report.status).toBe(201);
    expect(report.body).toMatchObject({
      state: 'DRAFT', allocation: { proceedsFen: 100_000_000_000, allocatedFen: 100_000_000_000, unallocatedFen: 0 },
      totals: { co2e_reduced_t: 677_271.875, standard_coal_saved_t: 233_600.75, water_saved_m3: 18_460_000 },
    });
    expect((await post(t, `/api/bond-impact-reports/${report.body.id}/publish`, {}, 'issuer')).body.error).toMatchObject({ code: 'BOND_REPORT_INVALID_TRANSITION', details: { currentState: 'DRAFT' } });
    expect((await post(t, `/api/bond-impact-reports/${report.body.id}/verify`, { note: '数据与台账一致' }, 'reviewer')).body).toMatchObject({ state: 'VERIFIED', verification: { note: '数据与台账一致' } });
    expect((await post(t, `/api/bond-impact-reports/${report.body.id}/publish`, {}, 'issuer')).body.state).toBe('PUBLISHED');
    const pdf = await t.api.request('GET', `/api/bond-impact-reports/${report.body.id}/report.pdf`, { token: tokens['regulator'] });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(String(pdf.body).startsWith('%PDF-')).toBe(true);

    const early = await post(t, `/api/bonds/${draft.id}/mature`, {}, 'issuer');
    expect(early.body.error).toMatchObject({ code: 'BOND_CHECK_FAILED', details: { check: 'maturity_reached', maturityDate: '2031-11-20' } });
    const toMaturity = new Date('2031-11-20T02:00:00Z').getTime() - t.clock.now().getTime();
    t.clock.advance(toMaturity);
    try {
      // Tokens issued five years ago have expired: the issuer signs in again.
      const token = await t.api.login('issuer');
      expect((await t.api.post(`/api/bonds/${draft.id}/mature`, {}, token)).body.state).toBe('MATURED');
    } finally {
      t.clock.advance(-toMaturity);
    }
  });

  test('a second impact report for the same year is refused', async () => {
    const bond = await bondIn(t, 'ISSUED');
    await allocated(t, bond.id, bond.projects[0].id, 1_000_000);
    const body = { year: 2026, narrative: '', projects: [{ projectId: bond.projects[0].id, measures: { co2e_reduced_t: 1 } }] };
    expect((await post(t, `/api/bonds/${bond.id}/impact-reports`, body, 'issuer')).status).toBe(201);
    expect((await post(t, `/api/bonds/${bond.id}/impact-reports`, body, 'issuer')).body.error.code).toBe('BOND_REPORT_EXISTS');
  });

  test('a report naming a project the bond has not financed, or a measure the project does not report, is refused', async () => {
    const bond = await bondIn(t, 'ISSUED');
    await allocated(t, bond.id, bond.projects[0].id, 1_000_000);
    const unfunded = await post(t, `/api/bonds/${bond.id}/impact-reports`, { year: 2026, narrative: '', projects: [{ projectId: bond.projects[1].id, measures: { co2e_reduced_t: 1 } }] }, 'issuer');
    expect(unfunded.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'projects.0.projectId' });
    const wrongMeasure = await post(t, `/api/bonds/${bond.id}/impact-reports`, { year: 2026, narrative: '', projects: [{ projectId: bond.projects[0].id, measures: { water_saved_m3: 1 } }] }, 'issuer');
    expect(wrongMeasure.body.error).toMatchObject({ code: 'VALIDATION_FAILED', message: 'water_saved_m3 is not a benefit measure of 3.2-wind_power' });
  });
});

// Loan links (a bank's green financial bond) are refused by state in bond-loan-links.test.ts.
const routeOf: Record<Exclude<BondAction, 'allocate' | 'completeAllocation' | 'delabel' | 'linkLoan' | 'linkLoanCompleting' | 'unlinkLoan'>, [string, string, unknown]> = {
  submitForReview: ['submit', 'issuer', { reviewerInstitutionId: '000000000000000000000000' }],
  requestChanges: ['request-changes', 'reviewer', { reason: '补充' }],
  review: ['review', 'reviewer', { type: 'verification', opinion: '符合', conclusion: 'aligned', documentId: '000000000000000000000000' }],
  register: ['register', 'issuer', terms()],
  issue: ['issue', 'issuer', { issueDate: '2026-11-20' }],
  mature: ['mature', 'issuer', {}],
  cancel: ['cancel', 'issuer', { reason: '取消' }],
};

describe('every illegal transition is refused naming the current state, and writes nothing', () => {
  const cases: ['DRAFT_FRAMEWORK' | 'EXTERNAL_REVIEW_PENDING' | 'REVIEWED' | 'REGISTERED' | 'ISSUED', string[]][] = [
    ['DRAFT_FRAMEWORK', ['register', 'issue', 'mature']],
    ['EXTERNAL_REVIEW_PENDING', ['submitForReview', 'register', 'issue', 'mature']],
    ['REVIEWED', ['submitForReview', 'requestChanges', 'review', 'issue', 'mature']],
    ['REGISTERED', ['submitForReview', 'requestChanges', 'review', 'register', 'mature']],
    ['ISSUED', ['submitForReview', 'requestChanges', 'review', 'register', 'issue', 'cancel']],
  ];
  test.each(cases)('on a %s bond: %j', async (state, refusedActions) => {
    const bond = await bondIn(t, state);
    const before = await databaseDigest(t.platform);
    const refused: string[] = [];
    for (const [action, [path, user, body]] of Object.entries(routeOf)) {
      if (bondStateMachine[action as BondAction].from.includes(state)) continue;
      if (state === 'DRAFT_FRAMEWORK' && user === 'reviewer') {
        // A draft is not yet assigned to any reviewer: to the reviewer it does not exist.
        expect((await post(t, `/api/bonds/${bond.id}/${path}`, body, user)).status).toBe(404);
        continue;
      }
      const res = await post(t, `/api/bonds/${bond.id}/${path}`, body, user);
      expect(res.status).toBe(409);
      expect(res.body.error).toMatchObject({ code: 'BOND_INVALID_TRANSITION', details: { currentState: state, allowed: [...bondStateMachine[action as BondAction].from], action } });
      refused.push(action);
    }
    expect(refused).toEqual(refusedActions);
    expect(await databaseDigest(t.platform)).toEqual(before);
  });

  test('the message names the state: registering a bond under review', async () => {
    const bond = await bondIn(t, 'EXTERNAL_REVIEW_PENDING');
    const res = await post(t, `/api/bonds/${bond.id}/register`, terms(), 'issuer');
    expect(res.body.error.message).toBe('cannot register a bond that is EXTERNAL_REVIEW_PENDING (allowed from REVIEWED)');
  });

  test('allocating proceeds of a bond not yet issued is refused naming its state', async () => {
    const bond = await bondIn(t, 'REGISTERED');
    const res = await post(t, `/api/bonds/${bond.id}/allocations`, { projectId: bond.projects[0].id, amountFen: 1, expenditureDate: '2026-11-25', note: '' }, 'issuer');
    expect(res.body.error).toMatchObject({ code: 'BOND_INVALID_TRANSITION', details: { currentState: 'REGISTERED', action: 'proposeAllocation' } });
  });

  test('an idempotency key replays a transition instead of refusing it', async () => {
    const bond = await bondIn(t, 'DRAFT_FRAMEWORK');
    const first = await post(t, `/api/bonds/${bond.id}/submit`, { reviewerInstitutionId: ids['reviewer'] }, 'issuer', 'bond-submit-0001');
    const again = await post(t, `/api/bonds/${bond.id}/submit`, { reviewerInstitutionId: ids['reviewer'] }, 'issuer', 'bond-submit-0001');
    expect([first.status, again.status]).toEqual([200, 200]);
    expect(again.body.history).toHaveLength(1);
    expect((await post(t, `/api/bonds/${bond.id}/submit`, { reviewerInstitutionId: ids['reviewer'] }, 'issuer', 'bond-submit-0002')).status).toBe(409);
  });

  test('a framework with an excluded project cannot be submitted: 100 % of proceeds must go to eligible projects', async () => {
    const bond = await drafted(t);
    const edited = await t.api.request('PUT', `/api/bonds/${bond.id}`, {
      token: tokens['issuer'],
      body: { name: bond.name, framework: bond.framework, projects: [{ name: '煤炭清洁利用', taxonomyCode: '3.1-coal_clean_utilisation', prefecture: '哈密', totalInvestmentFen: 100, expectedBenefits: {} }] },
    });
    expect(edited.body.projects[0]).toMatchObject({ eligible: false, ineligibleReason: 'excluded by the green taxonomy' });
    const res = await post(t, `/api/bonds/${bond.id}/submit`, { reviewerInstitutionId: ids['reviewer'] }, 'issuer');
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ code: 'BOND_PROJECT_INELIGIBLE', message: '100 % of proceeds must go to eligible projects: 煤炭清洁利用 (3.1-coal_clean_utilisation) not eligible' });
  });
});

describe('the issuer cannot review itself', () => {
  test('the issuer’s user has no review permission: 403, nothing written', async () => {
    const bond = await bondIn(t, 'EXTERNAL_REVIEW_PENDING');
    const before = await databaseDigest(t.platform);
    const res = await post(t, `/api/bonds/${bond.id}/review`, { type: 'second_party_opinion', opinion: '自评', conclusion: 'aligned', documentId: '000000000000000000000000' }, 'issuer');
    expect(res.status).toBe(403);
    expect(await databaseDigest(t.platform)).toEqual(before);
  });

  test('a reviewer institution that is the issuing entity itself (same credit code) cannot be asked for the review', async () => {
    const institution = await t.api.post('/api/institutions', { name: '哈密风光新能源评估部', type: 'external_reviewer', region: '哈密', code: '91652200MA7W00012E' }, tokens['admin']);
    expect(institution.status).toBe(201);
    const bond = await drafted(t);
    const res = await post(t, `/api/bonds/${bond.id}/submit`, { reviewerInstitutionId: institution.body.id }, 'issuer');
    expect(res.status).toBe(403);
    expect(res.body.error).toMatchObject({ code: 'BOND_SELF_REVIEW', message: 'the issuer cannot review itself: the reviewer institution is the issuing entity' });
  });
});

describe('the proceeds ledger', () => {
  test('the maker cannot approve its own allocation; the checker can', async () => {
    const bond = await bondIn(t, 'ISSUED');
    const proposed = await post(t, `/api/bonds/${bond.id}/allocations`, { projectId: bond.projects[0].id, amountFen: 30_000_000_000, expenditureDate: '2026-11-25', note: '风机采购' }, 'issuer');
    expect(proposed.status).toBe(201);
    const allocation = proposed.body.allocations[0];
    expect(allocation).toMatchObject({ state: 'PENDING', refinancing: false, maker: { username: 'issuer' } });
    const before = await databaseDigest(t.platform);
    const self = await post(t, `/api/bonds/${bond.id}/allocations/${allocation.id}/approve`, {}, 'issuer');
    expect(self.status).toBe(403);
    expect(self.body.error.code).toBe('BOND_MAKER_CHECKER');
    expect(await databaseDigest(t.platform)).toEqual(before);
    const approved = await post(t, `/api/bonds/${bond.id}/allocations/${allocation.id}/approve`, {}, 'issuer.checker');
    expect(approved.body).toMatchObject({ state: 'ALLOCATING', allocatedFen: 30_000_000_000, allocations: [{ state: 'APPROVED', checker: { username: 'issuer.checker' } }] });
  });

  test('a rejected allocation releases its amount', async () => {
    const bond = await bondIn(t, 'ISSUED', 1_000_000);
    const proposed = await post(t, `/api/bonds/${bond.id}/allocations`, { projectId: bond.projects[0].id, amountFen: 1_000_000, expenditureDate: '2026-11-25', note: '' }, 'issuer');
    expect(proposed.body.committedFen).toBe(1_000_000);
    const rejected = await post(t, `/api/bonds/${bond.id}/allocations/${proposed.body.allocations[0].id}/reject`, {}, 'issuer.checker');
    expect(rejected.body).toMatchObject({ state: 'ISSUED', committedFen: 0, allocatedFen: 0, allocations: [{ state: 'REJECTED' }] });
  });

  test('an allocation above the proceeds not yet committed is refused and writes nothing', async () => {
    const bond = await bondIn(t, 'ISSUED', 10_000_000);
    await allocated(t, bond.id, bond.projects[0].id, 7_000_000);
    const before = await databaseDigest(t.platform);
    const res = await post(t, `/api/bonds/${bond.id}/allocations`, { projectId: bond.projects[1].id, amountFen: 3_000_001, expenditureDate: '2026-11-25', note: '' }, 'issuer');
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'BOND_OVER_ALLOCATION', message: 'allocation of 3000001 fen exceeds the proceeds not yet allocated or proposed (3000000 fen)', details: { availableFen: 3_000_000 } });
    expect(await databaseDigest(t.platform)).toEqual(before);
  });

  test('refinancing of expenditure before the 36-month look-back is refused', async () => {
    const bond = await bondIn(t, 'ISSUED');
    const res = await post(t, `/api/bonds/${bond.id}/allocations`, { projectId: bond.projects[0].id, amountFen: 1, expenditureDate: '2023-11-19', note: '' }, 'issuer');
    expect(res.body.error).toMatchObject({ code: 'BOND_CHECK_FAILED', message: 'expenditure of 2023-11-19 is before the look-back (earliest 2023-11-20)' });
  });

  test('50 concurrent allocations of the last proceeds: exactly one succeeds', async () => {
    const bond = await bondIn(t, 'ISSUED', 50_000_000);
    await allocated(t, bond.id, bond.projects[0].id, 49_000_000);
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) =>
      post(t, `/api/bonds/${bond.id}/allocations`, { projectId: bond.projects[i % 4].id, amountFen: 1_000_000, expenditureDate: '2026-11-25', note: `并发 ${i}` }, 'issuer')));
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409 && r.body.error.code === 'BOND_OVER_ALLOCATION')).toHaveLength(49);
    const after = (await t.api.get(`/api/bonds/${bond.id}`, tokens['issuer'])).body;
    expect([after.committedFen, after.allocations.length]).toEqual([50_000_000, 2]);
  });
});

describe('delabelling', () => {
  test('a financed project found ineligible delabels the bond; an unfinanced one is only marked', async () => {
    const bond = await bondIn(t, 'ISSUED');
    const [wind, solar] = bond.projects.map((p: any) => p.id);
    await allocated(t, bond.id, wind, 1_000_000);
    const marked = await post(t, `/api/bonds/${bond.id}/projects/${solar}/ineligible`, { reason: '项目变更为燃煤配套' }, 'reviewer');
    expect(marked.body).toMatchObject({ state: 'ALLOCATING' });
    expect(marked.body.projects[1]).toMatchObject({ eligible: false, ineligibleReason: '项目变更为燃煤配套' });
    const refused = await post(t, `/api/bonds/${bond.id}/allocations`, { projectId: solar, amountFen: 1, expenditureDate: '2026-11-25', note: '' }, 'issuer');
    expect(refused.body.error.code).toBe('BOND_PROJECT_INELIGIBLE');
    const delabelled = await post(t, `/api/bonds/${bond.id}/projects/${wind}/ineligible`, { reason: '环评批复被撤销' }, 'reviewer');
    expect(delabelled.body).toMatchObject({ state: 'DELABELLED', delabelling: { projectId: wind, reason: '环评批复被撤销' } });
    expect((await post(t, `/api/bonds/${bond.id}/allocations`, { projectId: wind, amountFen: 1, expenditureDate: '2026-11-25', note: '' }, 'issuer')).body.error.details.currentState).toBe('DELABELLED');
  });
});

describe('tenancy', () => {
  test('another issuer’s bond answers 404; a bank officer sees only its bank’s green financial bonds; the regulator reads every bond', async () => {
    const bond = await bondIn(t, 'DRAFT_FRAMEWORK');
    const subjects = await t.api.get('/api/subjects?limit=100', tokens['admin']);
    const hotan = subjects.body.items.find((s: any) => s.name.includes('和田'));
    expect((await t.api.post('/api/users', { username: 'hotan.issuer', displayName: '和田发行人', password: 'EcoDemo2026', roles: ['bond_issuer'], subjectId: hotan.id }, tokens['admin'])).status).toBe(201);
    tokens['hotan.issuer'] = await t.api.login('hotan.issuer');
    expect((await t.api.get(`/api/bonds/${bond.id}`, tokens['hotan.issuer'])).status).toBe(404);
    expect((await post(t, `/api/bonds/${bond.id}/submit`, { reviewerInstitutionId: ids['reviewer'] }, 'hotan.issuer')).status).toBe(404);
    const bankList = (await t.api.get('/api/bonds?limit=100', tokens['bank.officer'])).body;
    expect(bankList.items.map((b: any) => [b.issuerName, b.issuerKind])).toEqual([['塔里木农村商业银行', 'bank']]);
    expect((await t.api.get(`/api/bonds/${bond.id}`, tokens['bank.officer'])).status).toBe(404);
    expect((await t.api.get(`/api/bonds/${bond.id}`, tokens['regulator'])).body.id).toBe(bond.id);
    expect((await t.api.get(`/api/bonds/${bond.id}`, tokens['reviewer'])).status).toBe(404);
  });
});
