import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { startTestPlatform, type TestPlatform } from '../../../../test-support/test-platform.js';
import type { Principal } from '../../identity/principal.js';

let t: TestPlatform;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  t = await startTestPlatform({ seedDemo: true, start: new Date('2026-11-29T08:00:00Z') });
  for (const u of ['regulator', 'bank.officer']) tokens[u] = await t.api.login(u);
}, 180_000);
afterAll(() => t.close());

const csvRows = async (table: string, user = 'regulator'): Promise<string[][]> => {
  const res = await t.api.request('GET', `/api/statistics/green-finance.csv?quarter=2026Q4&table=${table}`, { token: tokens[user] });
  expect([res.status, res.headers.get('content-type')]).toEqual([200, 'text/csv; charset=utf-8']);
  expect(res.headers.get('content-disposition')).toBe(`attachment; filename="green-finance-${table === 'loans' ? '' : `${table}-`}2026Q4.csv"`);
  return String(res.body).trim().split('\n').map((line) => line.split(','));
};

describe('every statistics table exports as its own CSV with the figures of the dashboard', () => {
  let s: any;
  beforeAll(async () => {
    s = (await t.api.get('/api/statistics/green-finance?quarter=2026Q4', tokens['regulator'])).body;
  });

  test('the quarterly evaluation', async () => {
    const q = s.quarter;
    expect(await csvRows('quarter')).toEqual([
      ['quarter', 'from', 'to', 'green_balance_fen', 'total_balance_fen', 'green_share_bp', 'new_green_loans_fen', 'previous_quarter_new_green_loans_fen', 'growth_bp', 'risk_balance_fen', 'risk_share_bp'],
      [q.quarter, q.from, q.to, ...[q.greenBalanceFen, q.totalBalanceFen, q.greenShareBp, q.newGreenLoansFen, q.previousQuarterNewGreenLoansFen].map(String), q.growthBp === null ? '' : String(q.growthBp), String(q.riskBalanceFen), String(q.riskShareBp)],
    ]);
  });

  test('pledged assets by type, LTV bands, guarantees, grades', async () => {
    const c = s.collateral;
    expect(await csvRows('pledged')).toEqual([['asset_type', 'assets', 'value_fen'], ...c.pledgedByType.map((r: any) => [r.assetType, String(r.assets), String(r.valueFen)])]);
    expect(await csvRows('ltv')).toEqual([['band', 'loans', 'balance_fen'], ...c.ltvDistribution.map((r: any) => [r.band, String(r.loans), String(r.balanceFen)])]);
    expect(await csvRows('guarantees')).toEqual([
      ['status', 'guarantees', 'amount_fen'],
      ['outstanding', String(c.guarantees.outstanding.guarantees), String(c.guarantees.outstanding.amountFen)],
      ['compensated', String(c.guarantees.compensated.guarantees), String(c.guarantees.compensated.amountFen)],
    ]);
    expect(await csvRows('grades')).toEqual([['grade', 'subjects'], ...c.grades.map((r: any) => [r.grade, String(r.subjects)])]);
  });

  test('bonds by state with the ledger, and the published benefits', async () => {
    const rows = await csvRows('bonds');
    expect(rows[0]).toEqual(['section', 'key', 'bonds', 'value']);
    expect(rows.filter((r) => r[0] === 'state').map((r) => [r[1], Number(r[2])])).toEqual(s.bonds.byState.map((r: any) => [r.state, r.bonds]));
    expect(rows.filter((r) => r[0] === 'ledger').map((r) => [r[1], Number(r[3])])).toEqual([
      ['proceeds_fen', s.bonds.proceedsFen], ['allocated_fen', s.bonds.allocatedFen], ['unallocated_fen', s.bonds.unallocatedFen],
      ['allocated_share_bp', s.bonds.allocatedShareBp], ['published_reports', s.bonds.publishedReports],
    ]);
    const benefits = await csvRows('benefits');
    expect(benefits[0]).toEqual(['measure', 'label', 'value']);
    expect(Object.fromEntries(benefits.slice(1).map((r) => [r[0], Number(r[2])]))).toEqual(s.bonds.publishedBenefits);
  });

  test('a bank’s export holds its own figures only: no grades, its own guarantees', async () => {
    const own = (await t.api.get('/api/statistics/green-finance?quarter=2026Q4', tokens['bank.officer'])).body;
    expect(own.scope.name).toBe('塔里木农村商业银行');
    expect(await csvRows('grades', 'bank.officer')).toEqual([['grade', 'subjects']]);
    expect((await csvRows('guarantees', 'bank.officer'))[1]).toEqual(['outstanding', String(own.collateral.guarantees.outstanding.guarantees), String(own.collateral.guarantees.outstanding.amountFen)]);
    const loans = await csvRows('loans', 'bank.officer');
    expect(loans.filter((r) => r[0] === 'bank').map((r) => r[2])).toEqual(['塔里木农村商业银行']);
  });

  test('an unknown table is refused', async () => {
    const res = await t.api.request('GET', '/api/statistics/green-finance.csv?table=everything', { token: tokens['regulator'] });
    expect([res.status, res.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
  });

  test('timing on the demo data (printed for the issue note)', async () => {
    const runs: number[] = [];
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      const res = await t.api.get('/api/statistics/green-finance?quarter=2026Q4', tokens['regulator']);
      runs.push(performance.now() - started);
      expect(res.status).toBe(200);
    }
    const timing = (await t.api.get('/api/statistics/green-finance?quarter=2026Q4', tokens['regulator'])).body.timing;
    console.log(`[statistics timing] request ms: ${runs.map((r) => r.toFixed(1)).join(', ')}; service: loans ${timing.loansMs.toFixed(1)} ms, total ${timing.totalMs.toFixed(1)} ms`);
    expect(Math.min(...runs)).toBeLessThan(2_000);
  });
});

describe('the grade distribution on a small fixture', () => {
  test('subjects counted by grade exactly (hand count: 3 green, 2 light_green, 1 yellow, 1 without a grade)', async () => {
    const other = await startTestPlatform({ seedDemo: false });
    try {
      const snapshots = other.platform.connection.collection('points_snapshots');
      const grades = ['green', 'light_green', 'green', 'yellow', null, 'light_green', 'green'];
      await snapshots.insertMany(grades.map((grade, i) => ({ subjectId: `s${i}`, subjectType: i % 2 ? 'individual' : 'enterprise', grade, score: 100 + i })));
      const regulator: Principal = { userId: 'u', username: 'regulator', roles: ['regulator'], permissions: new Set(['statistics.read', 'tenants.all.read']), institutionId: 'r' };
      const s = await other.platform.services.statistics.compute(regulator, { quarter: '2026Q4' });
      expect(s.collateral.grades).toEqual([{ grade: 'green', subjects: 3 }, { grade: 'light_green', subjects: 2 }, { grade: 'none', subjects: 1 }, { grade: 'yellow', subjects: 1 }]);
    } finally {
      await other.close();
    }
  });
});
