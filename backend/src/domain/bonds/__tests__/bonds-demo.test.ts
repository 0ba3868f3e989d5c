import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { startTestPlatform, type TestPlatform } from '../../../../test-support/test-platform.js';

let t: TestPlatform;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  t = await startTestPlatform({ seedDemo: true, start: new Date('2026-11-29T08:00:00Z') });
  for (const u of ['issuer', 'issuer.checker', 'reviewer', 'regulator', 'bank.officer']) tokens[u] = await t.api.login(u);
});
afterAll(() => t.close());

describe('the demo bonds', () => {
  test('the issuer has bonds in every state', async () => {
    const page = (await t.api.get('/api/bonds?limit=50', tokens['issuer'])).body;
    expect(page.items.map((b: any) => b.state).sort()).toEqual([
      'ALLOCATING', 'CANCELLED', 'DELABELLED', 'DRAFT_FRAMEWORK', 'EXTERNAL_REVIEW_PENDING', 'FULLY_ALLOCATED', 'ISSUED', 'MATURED', 'REGISTERED', 'REVIEWED',
    ]);
  });

  test('the matured tranche was fully allocated to Turpan solar and published its 2025 report; the newest tranche is issued with nothing allocated yet', async () => {
    const matured = (await t.api.get('/api/bonds?state=MATURED', tokens['issuer'])).body.items[0];
    expect([matured.name, matured.issueDate, matured.maturityDate]).toEqual(['哈密风光新能源2023年度绿色中期票据', '2023-06-01', '2026-06-01']);
    expect(matured.ledger).toMatchObject({ proceedsFen: 3_000_000_000, allocatedFen: 3_000_000_000, unallocatedFen: 0, allocatedShareBp: 10_000 });
    const reports = (await t.api.get(`/api/bonds/${matured.id}/impact-reports`, tokens['regulator'])).body;
    expect(reports.map((r: any) => [r.year, r.state, r.totals])).toEqual([[2025, 'PUBLISHED', { co2e_reduced_t: 4_100, standard_coal_saved_t: 1_500 }]]);
    const issued = (await t.api.get('/api/bonds?state=ISSUED', tokens['issuer'])).body.items[0];
    expect([issued.name, issued.issueDate, issued.ledger.proceedsFen, issued.ledger.allocatedFen]).toEqual(['哈密风光新能源2026年度第六期绿色中期票据', '2026-11-20', 20_000_000_000, 0]);
  });

  test('the first tranche allocates to Hami wind, Turpan solar and the Tarim Populus restoration; the Aksu irrigation allocation waits for the checker', async () => {
    const page = (await t.api.get('/api/bonds?state=ALLOCATING', tokens['issuer'])).body;
    const bond = page.items[0];
    expect(bond.name).toBe('哈密风光新能源2026年度第一期绿色中期票据');
    expect(bond.ledger).toMatchObject({ proceedsFen: 100_000_000_000, allocatedFen: 75_000_000_000, unallocatedFen: 25_000_000_000, allocatedShareBp: 7_500, refinancingFen: 45_000_000_000 });
    expect(bond.committedFen).toBe(83_000_000_000);
    expect(bond.allocations.map((a: any) => [bond.projects.find((p: any) => p.id === a.projectId).prefecture, a.amountFen, a.state])).toEqual([
      ['哈密', 45_000_000_000, 'APPROVED'], ['吐鲁番', 25_000_000_000, 'APPROVED'], ['巴音郭楞', 5_000_000_000, 'APPROVED'], ['阿克苏', 8_000_000_000, 'PENDING'],
    ]);
    const reports = (await t.api.get(`/api/bonds/${bond.id}/impact-reports`, tokens['regulator'])).body;
    // Totals are the sums of the three projects: 91 000 + 21 250 t coal; 248 000 + 57 916.5 + 10 500 tCO2e.
    expect(reports.map((r: any) => [r.year, r.state, r.totals])).toEqual([[2026, 'PUBLISHED', { co2e_reduced_t: 316_416.5, nox_reduced_t: 20.6, so2_reduced_t: 19.25, standard_coal_saved_t: 112_250 }]]);
  });

  test('the reviewer’s queue holds the framework under review', async () => {
    const queue = (await t.api.get('/api/bonds?state=EXTERNAL_REVIEW_PENDING', tokens['reviewer'])).body;
    expect(queue.items.map((b: any) => b.name)).toEqual(['哈密风光新能源2026年度第三期绿色公司债券']);
  });

  test('the regulator’s statistics count the demo bonds and the published benefits', async () => {
    const s = (await t.api.get('/api/statistics/green-finance', tokens['regulator'])).body;
    expect(s.bonds).toEqual({
      byState: [
        { state: 'ALLOCATING', bonds: 2 }, { state: 'CANCELLED', bonds: 1 }, { state: 'DELABELLED', bonds: 1 }, { state: 'DRAFT_FRAMEWORK', bonds: 1 },
        { state: 'EXTERNAL_REVIEW_PENDING', bonds: 1 }, { state: 'FULLY_ALLOCATED', bonds: 1 }, { state: 'ISSUED', bonds: 1 }, { state: 'MATURED', bonds: 1 },
        { state: 'REGISTERED', bonds: 1 }, { state: 'REVIEWED', bonds: 1 },
      ],
      // Issued: 1 000 000 000 + 50 000 000 + 20 000 000 + 200 000 000 + 30 000 000 yuan, and the bank's 50 000 000 yuan;
      // allocated 750 000 000 + 50 000 000 + 15 000 000 + 0 + 30 000 000 yuan, and the bank's two linked loans of 100 000 yuan.
      // Share: 845 200 000 / 1 350 000 000 = 62.6074 % → 6 261 bp.
      proceedsFen: 135_000_000_000, allocatedFen: 84_520_000_000, unallocatedFen: 50_480_000_000, allocatedShareBp: 6_261,
      // The first tranche's 2026 report plus the matured tranche's 2025 report (1 500 t coal, 4 100 tCO2e).
      publishedBenefits: { co2e_reduced_t: 320_516.5, nox_reduced_t: 20.6, so2_reduced_t: 19.25, standard_coal_saved_t: 113_750 },
      publishedReports: 2,
    });
  });
});

describe('the demo bank’s green financial bond', () => {
  test('塔里木农村商业银行 issued 50 000 000 yuan and linked two of its green loans: their amounts are allocated and their benefits roll up', async () => {
    const page = (await t.api.get('/api/bonds', tokens['bank.officer'])).body;
    expect(page.items.map((b: any) => [b.name, b.issuerKind, b.issuerName, b.state])).toEqual([['塔里木农村商业银行2026年绿色金融债券（第一期）', 'bank', '塔里木农村商业银行', 'ALLOCATING']]);
    const bond = page.items[0];
    expect(bond.ledger).toMatchObject({ proceedsFen: 5_000_000_000, allocatedFen: 20_000_000, unallocatedFen: 4_980_000_000, allocatedShareBp: 40 });
    expect(bond.linkedLoans.map((l: any) => [l.purpose, l.amountFen, l.taxonomyCode, l.category, l.expectedBenefits])).toEqual([
      ['核桃林提质增效', 10_000_000, '4.1-carbon_sink_forestry', '生态环境产业', { co2e_reduced_t: 320.5 }],
      ['滴灌首部设备更新', 10_000_000, '1.4-water_saving_irrigation', '节能环保产业', { water_saved_m3: 86_000 }],
    ]);
    expect(bond.loanRollup).toEqual({
      loans: 2, amountFen: 20_000_000, impactTotals: { co2e_reduced_t: 320.5, water_saved_m3: 86_000 },
      byCategory: [
        { taxonomyCode: '1.4-water_saving_irrigation', category: '节能环保产业', icmaCategory: 'sustainable_water_wastewater', pbocLoanUse: '4.1', loans: 1, amountFen: 10_000_000 },
        { taxonomyCode: '4.1-carbon_sink_forestry', category: '生态环境产业', icmaCategory: 'living_natural_resources_land_use', pbocLoanUse: '4.1', loans: 1, amountFen: 10_000_000 },
      ],
    });
    // Each linked loan carries the bond's id; the second fell overdue after it was linked and stays linked.
    const loans = await Promise.all(bond.linkedLoans.map(async (l: any) => (await t.api.get(`/api/loans/${l.loanId}`, tokens['bank.officer'])).body));
    expect(loans.map((l: any) => [l.state, l.greenBondId])).toEqual([['ACTIVE', bond.id], ['OVERDUE', bond.id]]);
    // The linked loans are no longer offered for linking.
    const eligible = (await t.api.get(`/api/bonds/${bond.id}/eligible-loans`, tokens['bank.officer'])).body.map((l: any) => l.id);
    expect(bond.linkedLoans.filter((l: any) => eligible.includes(l.loanId))).toEqual([]);
    // The enterprise issuer does not see it; the regulator does.
    expect((await t.api.get(`/api/bonds/${bond.id}`, tokens['issuer'])).status).toBe(404);
    expect((await t.api.get(`/api/bonds/${bond.id}`, tokens['regulator'])).body.name).toBe('塔里木农村商业银行2026年绿色金融债券（第一期）');
  });
});

describe('the reports-due job', () => {
  test('in January 2027 it reminds the issuers of the 2026 reports of the fully allocated and the newly issued tranches and of the bank’s bond, not of the first tranche that published it nor of the matured one', async () => {
    const toJanuary = new Date('2027-01-10T03:00:00Z').getTime() - t.clock.now().getTime();
    t.clock.advance(toJanuary);
    try {
      const due = await t.platform.services.bondReports.remindDue();
      const names = await Promise.all(due.map(async (d) => (d.issuerSubjectId ? await t.platform.repositories.subjects.findByIdUnscoped(d.issuerSubjectId) : await t.platform.repositories.institutions.findByIdUnscoped(d.issuerInstitutionId!))!.name));
      expect(due.map((d) => d.year)).toEqual([2026, 2026, 2026]);
      expect(names).toEqual(['塔里木农村商业银行', '哈密风光新能源股份有限公司', '哈密风光新能源股份有限公司']);
      const regulator = await t.api.login('regulator');
      const bonds = await Promise.all(due.map(async (d) => (await t.api.get(`/api/bonds/${d.bondId}`, regulator)).body));
      expect(bonds.map((b) => [b.name, b.state])).toEqual([['塔里木农村商业银行2026年绿色金融债券（第一期）', 'ALLOCATING'], ['哈密风光新能源2026年度节水灌溉专项绿色债券', 'FULLY_ALLOCATED'], ['哈密风光新能源2026年度第六期绿色中期票据', 'ISSUED']]);
      expect(await t.platform.services.bonds.recheckEligibility()).toEqual({ delabelled: [] });
    } finally {
      t.clock.advance(-toJanuary);
    }
  });
});
