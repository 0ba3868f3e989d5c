import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { startTestPlatform, type TestPlatform } from '../../../../test-support/test-platform.js';
import { borrowerSize, quarterRange } from '../statistics-service.js';

// The demo's disbursed loans on 2026-11-29 (all at 3.95 %), the small fixture these figures are computed from by hand:
//   塔里木农商行  核桃林提质增效   4.1-carbon_sink_forestry            ACTIVE       disbursed 2026-10-28  10 000 000 fen, balance 9 182 743
//   塔里木农商行  滴灌首部设备更新  1.4-water_saving_irrigation         OVERDUE      disbursed 2026-09-28  10 000 000 fen, balance 10 000 000
//   博斯腾湖商行  防沙林带补植     4.2-desertification_control         DEFAULTED    disbursed 2026-06-28   8 000 000 fen, balance 8 000 000
//   塔里木农商行  秸秆饲料化设备   1.5-agricultural_waste_utilisation  WRITTEN_OFF  disbursed 2026-05-28   8 000 000 fen, balance 0 (written off)
//   塔里木农商行  核桃青皮资源化   1.5-agricultural_waste_utilisation  CLOSED       disbursed 2026-10-28   5 000 000 fen, balance 0
//   塔里木农商行  核桃收购订单融资  4.1-under_forest_economy (3.85 %)     ACTIVE       disbursed 2026-11-29  10 000 000 fen, balance 10 000 000
//     (the securitisation demo: secured by a confirmed walnut supply order valued 24 912 853 fen)
// Balance 9 182 743 + 10 000 000 + 8 000 000 + 10 000 000 = 37 182 743; new in 2026Q4 10 000 000 + 5 000 000 + 10 000 000 = 25 000 000; in 2026Q3 10 000 000.

let t: TestPlatform;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  t = await startTestPlatform({ seedDemo: true, start: new Date('2026-11-29T08:00:00Z') });
  for (const u of ['regulator', 'admin', 'bank.officer', 'bosten.approver', 'enterprise', 'issuer', 'reviewer']) tokens[u] = await t.api.login(u);
});
afterAll(() => t.close());

describe('the regulator’s green-loan statistics equal the hand-computed sums', () => {
  test('quarterly evaluation: green share, growth on the previous quarter and risk share', async () => {
    const res = await t.api.get('/api/statistics/green-finance?quarter=2026Q4', tokens['regulator']);
    expect(res.status).toBe(200);
    expect(res.body.scope).toEqual({ kind: 'all' });
    expect(res.body.quarter).toEqual({
      quarter: '2026Q4', from: '2026-10-01', to: '2026-12-31',
      greenBalanceFen: 37_182_743, totalBalanceFen: 37_182_743, greenShareBp: 10_000,
      // 25 000 000 / 10 000 000 − 1 = 150 %
      newGreenLoansFen: 25_000_000, previousQuarterNewGreenLoansFen: 10_000_000, growthBp: 15_000,
      // (10 000 000 overdue + 8 000 000 defaulted) / 37 182 743 = 0.48409… → 4 841 bp
      riskBalanceFen: 18_000_000, riskShareBp: 4_841,
    });
    // 10 000 000 / 37 182 743 = 0.26894… → 2 689 bp overdue; 8 000 000 / 37 182 743 = 0.21515… → 2 152 bp defaulted;
    // rate (395 × 27 182 743 + 385 × 10 000 000) / 37 182 743 = 392.31… → 392 bp.
    expect(res.body.totals).toEqual({ loans: 6, balanceFen: 37_182_743, newLoansFen: 25_000_000, weightedRateBp: 392, overdueRatioBp: 2_689, defaultRatioBp: 2_152 });
  });

  test('by use category (catalogue top level), bank, prefecture and borrower size', async () => {
    const s = (await t.api.get('/api/statistics/green-finance?quarter=2026Q4', tokens['regulator'])).body;
    const pick = (rows: any[]) => rows.map((r) => [r.label, r.loans, r.balanceFen, r.newLoansFen, r.overdueRatioBp, r.defaultRatioBp]);
    expect(pick(s.byCategory)).toEqual([
      ['节能环保产业', 3, 10_000_000, 5_000_000, 10_000, 0],
      // 8 000 000 / 27 182 743 = 0.29430… → 2 943 bp
      ['生态环境产业', 3, 27_182_743, 20_000_000, 0, 2_943],
    ]);
    expect(s.byCategory[1].measures).toEqual(['co2e_reduced_t']);
    expect(pick(s.byBank)).toEqual([
      // 10 000 000 / 29 182 743 = 0.34266… → 3 427 bp
      ['塔里木农村商业银行', 5, 29_182_743, 25_000_000, 3_427, 0],
      ['博斯腾湖商业银行', 1, 8_000_000, 0, 0, 10_000],
    ]);
    expect(pick(s.byPrefecture)).toEqual([['和田', 2, 10_000_000, 0, 10_000, 0], ['阿克苏', 4, 27_182_743, 25_000_000, 0, 2_943]]);
    expect(pick(s.bySize)).toEqual([['小微', 6, 37_182_743, 25_000_000, 2_689, 2_152]]);
    expect(s.byIndustry.map((r: any) => [r.key, r.loans])).toEqual([['fruit forestry', 2], ['walnuts and under-forest economy', 4]]);
    expect(s.timing.totalMs).toBeLessThan(2_000);
  });

  test('a quarter with no new loans has no growth base: growth is null', async () => {
    const s = (await t.api.get('/api/statistics/green-finance?quarter=2026Q1', tokens['regulator'])).body;
    expect(s.quarter).toMatchObject({ newGreenLoansFen: 0, previousQuarterNewGreenLoansFen: 0, growthBp: null });
  });
});

describe('collateral, guarantees and grades', () => {
  test('pledged assets by type, the LTV distribution of lent loans and guarantees, across banks and for one bank', async () => {
    const all = (await t.api.get('/api/statistics/green-finance', tokens['regulator'])).body.collateral;
    // Water rights pledged: 129 150 925 + 3 × 79 019 581 = 366 209 668 fen.
    expect(all.pledgedByType).toEqual([
      { assetType: 'carbon', assets: 1, valueFen: 1_231_560_000 },
      { assetType: 'forest_right', assets: 1, valueFen: 1_265_125_547 },
      // 30 000 000 × 0.95 × 0.9 (buyer without a grade) × 365 / (365 + 0.045 × 240) = 24 912 852.6 → 24 912 853
      { assetType: 'product_order', assets: 1, valueFen: 24_912_853 },
      { assetType: 'water_right', assets: 4, valueFen: 366_209_668 },
    ]);
    // Each water-right loan is secured by one water right valued 79 019 581: 9 182 743, 10 000 000 and 8 000 000 are all below 30 %;
    // the order-backed loan: 10 000 000 / 24 912 853 = 40.1 %.
    expect(all.ltvDistribution).toEqual([
      { band: 'lt30', loans: 3, balanceFen: 27_182_743 }, { band: '30to50', loans: 1, balanceFen: 10_000_000 },
      { band: '50to70', loans: 0, balanceFen: 0 }, { band: 'ge70', loans: 0, balanceFen: 0 },
    ]);
    // Letters out: 16 000 000 (letter issued) + 10 000 000 (in force); compensated 2 × 4 800 000.
    expect(all.guarantees).toEqual({ outstanding: { guarantees: 2, amountFen: 26_000_000 }, compensated: { guarantees: 2, amountFen: 9_600_000 } });
    expect(Array.isArray(all.grades)).toBe(true);
    const tarim = (await t.api.get('/api/statistics/green-finance', tokens['bank.officer'])).body.collateral;
    expect(tarim.pledgedByType.find((r: any) => r.assetType === 'water_right')).toEqual({ assetType: 'water_right', assets: 3, valueFen: 287_190_087 });
    expect(tarim.ltvDistribution[0]).toEqual({ band: 'lt30', loans: 2, balanceFen: 19_182_743 });
    expect(tarim.guarantees).toEqual({ outstanding: { guarantees: 1, amountFen: 10_000_000 }, compensated: { guarantees: 1, amountFen: 4_800_000 } });
    expect(tarim.grades).toBeNull();
  });
});

describe('who reads which figures', () => {
  test('a bank reads only its own figures; naming another bank is refused', async () => {
    const own = (await t.api.get('/api/statistics/green-finance?quarter=2026Q4', tokens['bank.officer'])).body;
    expect(own.scope).toMatchObject({ kind: 'bank', name: '塔里木农村商业银行' });
    expect([own.totals.loans, own.totals.balanceFen, own.byBank.length, own.bonds]).toEqual([5, 29_182_743, 1, null]);
    const bosten = (await t.api.get('/api/statistics/green-finance', tokens['bosten.approver'])).body;
    expect([bosten.totals.loans, bosten.totals.balanceFen, bosten.totals.defaultRatioBp]).toEqual([1, 8_000_000, 10_000]);
    const other = await t.api.get(`/api/statistics/green-finance?bankId=${bosten.scope.institutionId}`, tokens['bank.officer']);
    expect(other.status).toBe(403);
  });

  test('the regulator may narrow to one bank', async () => {
    const bosten = (await t.api.get('/api/statistics/green-finance', tokens['bosten.approver'])).body;
    const narrowed = (await t.api.get(`/api/statistics/green-finance?bankId=${bosten.scope.institutionId}`, tokens['regulator'])).body;
    expect([narrowed.scope.name, narrowed.totals.balanceFen]).toEqual(['博斯腾湖商业银行', 8_000_000]);
  });

  test('applicants, issuers and reviewers read no statistics', async () => {
    for (const u of ['enterprise', 'issuer', 'reviewer']) {
      for (const path of ['/api/statistics/green-finance', '/api/statistics/green-finance.csv', '/api/statistics/green-finance.pdf']) {
        expect([u, path, (await t.api.get(path, tokens[u])).status]).toEqual([u, path, 403]);
      }
    }
  });
});

describe('exports', () => {
  test('the CSV parses into one row per dimension value with exact integer figures', async () => {
    const res = await t.api.request('GET', '/api/statistics/green-finance.csv?quarter=2026Q4', { token: tokens['regulator'] });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const rows = String(res.body).trim().split('\n').map((line) => line.split(','));
    expect(rows[0]).toEqual(['dimension', 'key', 'label', 'loans', 'balance_fen', 'new_loans_fen', 'weighted_rate_bp', 'overdue_ratio_bp', 'default_ratio_bp']);
    expect(rows[1]).toEqual(['total', 'all', '全部银行', '6', '37182743', '25000000', '392', '2689', '2152']);
    const banks = rows.filter((r) => r[0] === 'bank').map((r) => [r[2], Number(r[4])]);
    expect(banks).toEqual([['塔里木农村商业银行', 29_182_743], ['博斯腾湖商业银行', 8_000_000]]);
    // Every dimension sums to the total balance.
    for (const dimension of ['category', 'use', 'industry', 'prefecture', 'bank', 'size']) {
      expect([dimension, rows.filter((r) => r[0] === dimension).reduce((s, r) => s + Number(r[4]), 0)]).toEqual([dimension, 37_182_743]);
    }
  });

  test('the PDF is a PDF', async () => {
    const res = await fetch(`${t.baseUrl}/api/statistics/green-finance.pdf`, { headers: { Authorization: `Bearer ${tokens['regulator']}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
  });
});

describe('helpers', () => {
  test('quarter ranges, including the previous quarter across a year end', () => {
    expect(quarterRange('2026Q1')).toEqual({ from: '2026-01-01', to: '2026-03-31', previous: '2025Q4' });
    expect(quarterRange('2024Q1').to).toBe('2024-03-31');
    expect(quarterRange('2026Q3')).toEqual({ from: '2026-07-01', to: '2026-09-30', previous: '2026Q2' });
  });
  test('borrower size bands: individuals, below 10 million yuan, below 100 million yuan, above', () => {
    expect([borrowerSize('individual', 1), borrowerSize('enterprise', 999_999_999), borrowerSize('enterprise', 1_000_000_000), borrowerSize('enterprise', 10_000_000_000)])
      .toEqual(['individual', 'small_micro', 'medium', 'large']);
  });
});
