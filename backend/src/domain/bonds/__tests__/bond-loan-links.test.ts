// A bank's green financial bond (绿色金融债): the Tarim bank issues through the same workflow and links
// its own ACTIVE green loans; a link is an allocation guarded by one conditional update of the bond
// (never beyond the proceeds) and a compare-and-set mark on the loan (one bond at a time).
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { databaseDigest, startTestPlatform, type TestPlatform } from '../../../../test-support/test-platform.js';
import { bosten, loginAll, post, submitted, tarim, toAccepted, toPendingApproval, tokens, waterAsset } from '../../loans/__tests__/loan-fixtures.js';
import { bondBody, framework } from './bond-fixtures.js';

let t: TestPlatform;
let reviewerId = '';
let seq = 0;

beforeAll(async () => {
  t = await startTestPlatform({ seedDemo: true, start: new Date('2026-11-29T08:00:00Z') });
  await loginAll(t);
  for (const u of ['reviewer', 'issuer']) tokens[u] = await t.api.login(u);
  reviewerId = (await t.api.get('/api/bond-reviewers', tokens['bank.officer']!)).body[0].id;
}, 180_000);
afterAll(() => t.close());

function ok(res: { status: number; body: any }, step: string): any {
  if (res.status >= 300) throw new Error(`${step}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** A Tarim bank loan of 200 000 yuan (water-saving irrigation), disbursed: ACTIVE. */
async function activeLoan(): Promise<string> {
  const application = await submitted(t, [await waterAsset(t)], [tarim()]);
  const loanId = application.offers[0].id as string;
  await toAccepted(t, loanId, 'bank.officer', 'bank.approver');
  ok(await post(t, `/api/loans/${loanId}/disburse`, {}, 'bank.officer'), 'disburse');
  return loanId;
}

/** The Tarim bank's green financial bond, reviewed, registered and issued with these proceeds. */
async function bankBond(amountFen: number, until: 'REGISTERED' | 'ISSUED' = 'ISSUED'): Promise<any> {
  seq++;
  let bond = ok(await post(t, '/api/bonds', { name: `塔里木农村商业银行绿色金融债券（测试第${seq}期）`, framework: framework(), projects: [] }, 'bank.officer'), 'create');
  bond = ok(await post(t, `/api/bonds/${bond.id}/submit`, { reviewerInstitutionId: reviewerId }, 'bank.officer'), 'submit');
  const upload = await fetch(`${t.baseUrl}/api/documents`, {
    method: 'POST', headers: { Authorization: `Bearer ${tokens['reviewer']}`, 'Content-Type': 'application/pdf', 'X-Filename': encodeURIComponent('第二方意见.pdf') }, body: Buffer.from(`绿色金融债第二方意见 ${seq}`),
  });
  const documentId = ((await upload.json()) as { id: string }).id;
  bond = ok(await post(t, `/api/bonds/${bond.id}/review`, { type: 'second_party_opinion', opinion: '挂钩贷款认定流程清晰。', conclusion: 'aligned', documentId }, 'reviewer'), 'review');
  bond = ok(await post(t, `/api/bonds/${bond.id}/register`, { amountFen, couponBp: 245, tenorMonths: 36, plannedIssueDate: '2026-11-20', registrationNumber: `GFB2026-TRCB-T${seq}` }, 'bank.officer'), 'register');
  if (until === 'ISSUED') bond = ok(await post(t, `/api/bonds/${bond.id}/issue`, { issueDate: '2026-11-20' }, 'bank.officer'), 'issue');
  return bond;
}

const link = (bondId: string, loanId: string, expectedBenefits: Record<string, number> = { water_saved_m3: 12_000 }) =>
  post(t, `/api/bonds/${bondId}/linked-loans`, { loanId, expectedBenefits }, 'bank.officer');
const loanOf = async (loanId: string) => (await t.api.get(`/api/loans/${loanId}`, tokens['bank.officer']!)).body;

describe('the bank issues a green financial bond through the same workflow', () => {
  test('bank.officer drafts, the external reviewer reviews, the bank registers and issues; the bank cannot review its own bond', async () => {
    const bond = await bankBond(50_000_000);
    expect([bond.state, bond.issuerKind, bond.issuerName, bond.issuerSubjectId, bond.issuerInstitutionId, bond.proceedsFen]).toEqual(['ISSUED', 'bank', '塔里木农村商业银行', null, tarim(), 50_000_000]);
    expect(bond.allowedActions).toEqual(['allocate', 'completeAllocation', 'mature', 'delabel', 'linkLoan', 'linkLoanCompleting']);
    // Another bank does not see it; the regulator does.
    expect((await t.api.get(`/api/bonds/${bond.id}`, tokens['bosten.officer']!)).status).toBe(404);
    expect((await t.api.get(`/api/bonds/${bond.id}`, tokens['regulator']!)).status).toBe(200);
    // An enterprise issuer's bond offers no loan links.
    const enterprise = ok(await post(t, '/api/bonds', bondBody(), 'issuer'), 'enterprise bond');
    expect(enterprise.allowedActions).toEqual(['submitForReview', 'cancel']);
  });
});

describe('linking the bank’s green loans', () => {
  let bond: any;
  const loans: string[] = [];

  beforeAll(async () => {
    for (let i = 0; i < 3; i++) loans.push(await activeLoan());
  }, 180_000);

  test('linking an ACTIVE green loan allocates its amount, marks the loan with the bond and moves the bond to ALLOCATING', async () => {
    bond = await bankBond(50_000_000);
    expect((await t.api.get(`/api/bonds/${bond.id}/eligible-loans`, tokens['bank.officer']!)).body.filter((l: any) => loans.includes(l.id)).map((l: any) => [l.amountFen, l.taxonomyCode, l.category, l.measures.map((m: any) => m.code)]))
      .toEqual([[20_000_000, '1.4-water_saving_irrigation', '节能环保产业', ['water_saved_m3']], [20_000_000, '1.4-water_saving_irrigation', '节能环保产业', ['water_saved_m3']], [20_000_000, '1.4-water_saving_irrigation', '节能环保产业', ['water_saved_m3']]]);
    const res = await link(bond.id, loans[0]!, { water_saved_m3: 12_000.5 });
    expect(res.status).toBe(201);
    expect([res.body.state, res.body.committedFen, res.body.allocatedFen, res.body.ledger.unallocatedFen, res.body.ledger.byProject]).toEqual(['ALLOCATING', 20_000_000, 20_000_000, 30_000_000, [{ projectId: `loan:${loans[0]}`, amountFen: 20_000_000 }]]);
    expect(res.body.linkedLoans).toEqual([expect.objectContaining({ loanId: loans[0], amountFen: 20_000_000, taxonomyCode: '1.4-water_saving_irrigation', expectedBenefits: { water_saved_m3: 12_000.5 }, linkedBy: expect.objectContaining({ username: 'bank.officer' }) })]);
    expect((await loanOf(loans[0]!)).greenBondId).toBe(bond.id);
    expect(res.body.history.at(-1)).toMatchObject({ action: 'linkLoan', from: 'ISSUED', to: 'ALLOCATING' });
  });

  test('a loan that would take the allocations beyond the proceeds is refused with the figures, and nothing is written', async () => {
    expect((await link(bond.id, loans[1]!, { water_saved_m3: 7_999.5 })).status).toBe(201);
    const before = await databaseDigest(t.platform);
    const res = await link(bond.id, loans[2]!);
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'BOND_OVER_ALLOCATION', field: 'loanId', details: { proceedsFen: 50_000_000, committedFen: 40_000_000, availableFen: 10_000_000, loanAmountFen: 20_000_000 } });
    expect(await databaseDigest(t.platform)).toEqual(before);
    expect((await loanOf(loans[2]!)).greenBondId).toBeNull();
  });

  test('the linked loans’ categories and benefits roll up: the impact totals equal the sum of the loans, and an impact report may report on the loans', async () => {
    const view = (await t.api.get(`/api/bonds/${bond.id}`, tokens['bank.officer']!)).body;
    expect(view.loanRollup).toEqual({
      loans: 2, amountFen: 40_000_000, impactTotals: { water_saved_m3: 20_000 },
      byCategory: [{ taxonomyCode: '1.4-water_saving_irrigation', category: '节能环保产业', icmaCategory: 'sustainable_water_wastewater', pbocLoanUse: '4.1', loans: 2, amountFen: 40_000_000 }],
    });
    const report = await post(t, `/api/bonds/${bond.id}/impact-reports`, {
      year: 2026, narrative: '挂钩贷款的节水灌溉项目已投入运行。', projects: [{ projectId: `loan:${loans[0]}`, measures: { water_saved_m3: 3_000.25 } }, { projectId: `loan:${loans[1]}`, measures: { water_saved_m3: 1_999.75 } }],
    }, 'bank.officer');
    expect([report.status, report.body.totals, report.body.allocation.allocatedFen, report.body.issuerInstitutionId]).toEqual([201, { water_saved_m3: 5_000 }, 40_000_000, tarim()]);
    const unlinked = await post(t, `/api/bonds/${bond.id}/impact-reports`, { year: 2025, narrative: '', projects: [{ projectId: `loan:${loans[2]}`, measures: { water_saved_m3: 1 } }] }, 'bank.officer');
    expect(unlinked.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'projects.0.projectId' });
  });

  test('unlinking gives the amount back and frees the loan, which can then be linked again', async () => {
    const res = await post(t, `/api/bonds/${bond.id}/linked-loans/${loans[0]}/unlink`, { reason: '贷款提前结清，重新投放' }, 'bank.officer');
    expect(res.status).toBe(200);
    expect([res.body.state, res.body.committedFen, res.body.allocatedFen, res.body.linkedLoans.map((l: any) => l.loanId), res.body.loanRollup.impactTotals]).toEqual(['ALLOCATING', 20_000_000, 20_000_000, [loans[1]], { water_saved_m3: 7_999.5 }]);
    expect((await loanOf(loans[0]!)).greenBondId).toBeNull();
    const again = await post(t, `/api/bonds/${bond.id}/linked-loans/${loans[0]}/unlink`, { reason: '再次解除' }, 'bank.officer');
    expect([again.status, again.body.error.code, again.body.error.details.check]).toEqual([409, 'BOND_CHECK_FAILED', 'loan_linked']);
    expect((await link(bond.id, loans[2]!)).status).toBe(201);
    expect((await t.api.get(`/api/bonds/${bond.id}`, tokens['bank.officer']!)).body.allocatedFen).toBe(40_000_000);
  });

  test('the last fen of proceeds makes the bond FULLY_ALLOCATED; unlinking takes it back to ALLOCATING', async () => {
    const exact = await bankBond(20_000_000);
    const res = await link(exact.id, loans[0]!);
    expect([res.status, res.body.state, res.body.ledger.allocatedShareBp]).toEqual([201, 'FULLY_ALLOCATED', 10_000]);
    const back = await post(t, `/api/bonds/${exact.id}/linked-loans/${loans[0]}/unlink`, { reason: '调整' }, 'bank.officer');
    expect([back.body.state, back.body.allocatedFen]).toEqual(['ALLOCATING', 0]);
  });
});

describe('a loan is linked to one bond at a time', () => {
  test('twenty concurrent requests link one loan to two bonds: exactly one succeeds, the others are refused, and exactly one loan amount is allocated', async () => {
    const loanId = await activeLoan();
    const [a, b] = [await bankBond(1_000_000_000), await bankBond(1_000_000_000)];
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => link(i % 2 ? a.id : b.id, loanId)));
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    const refused = results.filter((r) => r.status !== 201);
    expect(refused).toHaveLength(19);
    for (const r of refused) expect([r.status, r.body.error.code, r.body.error.details.check]).toEqual([409, 'BOND_CHECK_FAILED', 'loan_not_linked']);
    const bonds = await Promise.all([a, b].map(async (x) => (await t.api.get(`/api/bonds/${x.id}`, tokens['bank.officer']!)).body));
    expect(bonds.map((x) => x.allocatedFen).sort()).toEqual([0, 20_000_000]);
    expect(bonds.map((x) => x.committedFen).sort()).toEqual([0, 20_000_000]);
    const winner = bonds.find((x) => x.allocatedFen === 20_000_000);
    expect((await loanOf(loanId)).greenBondId).toBe(winner.id);
    expect(winner.linkedLoans.map((l: any) => l.loanId)).toEqual([loanId]);
  }, 120_000);
});

describe('what cannot be linked', () => {
  test('a loan that is not ACTIVE, another bank’s loan, a measure outside the loan’s category, an unissued bond and an enterprise’s bond are refused and write nothing; the approver lacks the permission', async () => {
    const bond = await bankBond(1_000_000_000);
    const registered = await bankBond(1_000_000_000, 'REGISTERED');
    const enterpriseBond = ok(await post(t, '/api/bonds', bondBody(), 'issuer'), 'enterprise bond');
    const pending = (await submitted(t, [await waterAsset(t)], [tarim()])).offers[0].id;
    await toPendingApproval(t, pending, 'bank.officer');
    const other = (await submitted(t, [await waterAsset(t)], [bosten()])).offers[0].id;
    const active = await activeLoan();
    const before = await databaseDigest(t.platform);
    expect((await link(bond.id, pending)).body.error).toMatchObject({ code: 'BOND_CHECK_FAILED', field: 'loanId', details: { check: 'loan_eligible', loanState: 'PENDING_APPROVAL' } });
    expect((await link(bond.id, other)).body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'loanId' });
    expect((await link(bond.id, active, { co2e_reduced_t: 5 })).body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'expectedBenefits.co2e_reduced_t' });
    expect((await link(registered.id, active)).body.error).toMatchObject({ code: 'BOND_INVALID_TRANSITION', details: { currentState: 'REGISTERED', action: 'linkLoan' } });
    const onEnterprise = await post(t, `/api/bonds/${enterpriseBond.id}/linked-loans`, { loanId: active, expectedBenefits: {} }, 'issuer');
    expect(onEnterprise.body.error).toMatchObject({ code: 'BOND_CHECK_FAILED', details: { check: 'bank_issuer' } });
    const byApprover = await post(t, `/api/bonds/${bond.id}/linked-loans`, { loanId: active, expectedBenefits: {} }, 'bank.approver');
    expect([byApprover.status, byApprover.body.error.code]).toEqual([403, 'FORBIDDEN']);
    expect(await databaseDigest(t.platform)).toEqual(before);
    expect((await loanOf(active)).greenBondId).toBeNull();
  }, 120_000);
});

describe('the recovery of loan links', () => {
  test('a loan mark without its bond update is cleared once older than five minutes; a fresh one is left to its request', async () => {
    const [stale, fresh] = [await activeLoan(), await activeLoan()];
    const bond = await bankBond(1_000_000_000);
    const loans = t.platform.services.loanRepositories.loans;
    await loans.update(stale, { greenBondId: null }, { $set: { greenBondId: bond.id, greenBondLink: { bondId: bond.id, attemptId: 'crashed', at: new Date(t.clock.now().getTime() - 6 * 60_000) } } });
    await loans.update(fresh, { greenBondId: null }, { $set: { greenBondId: bond.id, greenBondLink: { bondId: bond.id, attemptId: 'in-flight', at: t.clock.now() } } });
    const cleared = await t.platform.services.bonds.recoverLoanLinks();
    expect(cleared.filter((id) => [stale, fresh].includes(id))).toEqual([stale]);
    expect([(await loanOf(stale)).greenBondId, (await loanOf(fresh)).greenBondId]).toEqual([null, bond.id]);
  }, 120_000);
});
