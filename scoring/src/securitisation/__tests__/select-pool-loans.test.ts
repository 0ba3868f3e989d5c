import { poolStatistics } from '../pool-statistics.js';
import { selectPoolLoans } from '../select-pool-loans.js';
import type { CandidateLoan } from '../types.js';

const loan = (id: string, over: Partial<CandidateLoan> = {}): CandidateLoan => ({
  loanId: id, borrowerId: `b-${id}`, outstandingFen: 100_000, annualRate: 0.05, remainingMonths: 24, seasoningMonths: 6,
  collateralValueFen: 200_000, assetTypes: ['water_right'], grade: 'AA', prefecture: 'Aksu', industry: 'agriculture', greenCategory: '3.1.1', inPool: null, ...over,
});

describe('selectPoolLoans', () => {
  it('excludes exactly the loans failing a criterion and lists every reason', () => {
    const candidates = [
      loan('ok'),
      loan('pooled', { inPool: 'pool-1' }),
      loan('forest', { assetTypes: ['forest_right'] }),
      loan('low-grade', { grade: 'B' }),
      loan('high-ltv', { collateralValueFen: 140_000 }), // 71.4 % > 70 %
      loan('at-ceiling', { collateralValueFen: 142_858 }), // 69.99 % ≤ 70 %
      loan('fresh', { seasoningMonths: 2 }),
      loan('everything', { grade: null, seasoningMonths: 0, collateralValueFen: 0 }),
    ];
    const selection = selectPoolLoans(candidates, { assetTypes: ['water_right', 'land_right'], grades: ['AAA', 'AA'], maxLtv: 0.7, minSeasoningMonths: 3 });
    expect(selection.included).toEqual(['ok', 'at-ceiling']);
    expect(selection.balanceFen).toBe(200_000);
    expect(selection.excluded.map((e) => [e.loanId, e.failures.map((f) => f.criterion)])).toEqual([
      ['pooled', ['IN_OTHER_POOL']],
      ['forest', ['ASSET_TYPE']],
      ['low-grade', ['GRADE']],
      ['high-ltv', ['LTV']],
      ['fresh', ['SEASONING']],
      ['everything', ['GRADE', 'LTV', 'SEASONING']],
    ]);
    expect(selection.excluded[3]!.failures[0]!.reason).toBe('LTV 71.4 % above 70.0 %');
  });

  it('keeps a borrower under its 40 % limit of the final pool, excluding its later loans until the shares hold', () => {
    // borrower X: 3 × 100 000 of a 600 000 pool. 40 % of 600 000 = 240 000 → the third X loan goes; then 40 % of 500 000 = 200 000 holds.
    const candidates = [loan('x1', { borrowerId: 'X' }), loan('x2', { borrowerId: 'X' }), loan('x3', { borrowerId: 'X' }), loan('y'), loan('z'), loan('w')];
    const selection = selectPoolLoans(candidates, { maxBorrowerShare: 0.4 });
    expect(selection.included).toEqual(['x1', 'x2', 'y', 'z', 'w']);
    expect(selection.excluded).toEqual([{ loanId: 'x3', failures: [{ criterion: 'BORROWER_CONCENTRATION', reason: 'borrower X would hold 50.0 % of the pool, above 40.0 %' }] }]);
  });

  it('applies prefecture and industry limits of 40 % together and checks the smaller pool again', () => {
    // 700 000 in 7 loans; 40 % = 280 000: Aksu (a1, a2, a3) would reach 300 000 → a3 goes; agriculture (h2, a1, a2) too → a2 goes.
    // The 500 000 pool left holds at most 200 000 = 40 % in any prefecture or industry, so a second pass excludes nothing.
    const candidates = [
      loan('h1', { prefecture: 'Hotan', industry: 'forestry' }), loan('h2', { prefecture: 'Hotan', industry: 'agriculture' }),
      loan('a1', { prefecture: 'Aksu' }), loan('a2', { prefecture: 'Aksu' }), loan('a3', { prefecture: 'Aksu', industry: 'tourism' }),
      loan('k1', { prefecture: 'Kashgar', industry: 'tourism' }), loan('k2', { prefecture: 'Kashgar', industry: 'forestry' }),
    ];
    const selection = selectPoolLoans(candidates, { maxPrefectureShare: 0.4, maxIndustryShare: 0.4 });
    expect(selection.included).toEqual(['h1', 'h2', 'a1', 'k1', 'k2']);
    expect(selection.excluded.map((e) => [e.loanId, e.failures[0]!.reason])).toEqual([
      ['a2', 'industry agriculture would hold 42.9 % of the pool, above 40.0 %'],
      ['a3', 'prefecture Aksu would hold 42.9 % of the pool, above 40.0 %'],
    ]);
  });

  it('excludes every loan when no pool of them can meet the limit (two borrowers, 40 % each at most)', () => {
    const selection = selectPoolLoans([loan('p', { borrowerId: 'P' }), loan('q', { borrowerId: 'Q' })], { maxBorrowerShare: 0.4 });
    expect(selection.included).toEqual([]);
    expect(selection.balanceFen).toBe(0);
  });
});

describe('poolStatistics', () => {
  it('weights rate and term by balance and distributes the balance by LTV band, grade and green category in basis points', () => {
    const stats = poolStatistics([
      loan('a', { outstandingFen: 300_000, annualRate: 0.04, remainingMonths: 12, collateralValueFen: 1_000_000, grade: 'AAA' }),
      loan('b', { outstandingFen: 100_000, annualRate: 0.08, remainingMonths: 36, collateralValueFen: 150_000, greenCategory: '4.2.1' }),
    ]);
    expect(stats).toMatchObject({
      count: 2,
      balanceFen: 400_000,
      collateralValueFen: 1_150_000,
      weightedAverageRate: 0.05, // (300 000 × 4 % + 100 000 × 8 %) / 400 000
      weightedAverageRemainingMonths: 18, // (300 000 × 12 + 100 000 × 36) / 400 000
      poolLtv: 0.3478, // 400 000 / 1 150 000
      largestBorrowerShareBp: 7_500,
      waterfallPool: { balanceFen: 400_000, annualRate: 0.05, remainingMonths: 18 },
    });
    expect(stats.ltvDistribution.map((r) => [r.key, r.shareBp])).toEqual([['≤50%', 7_500], ['50–60%', 0], ['60–70%', 2_500], ['>70%', 0]]);
    expect(stats.grades.map((r) => [r.key, r.shareBp])).toEqual([['AAA', 7_500], ['AA', 2_500]]);
    expect(stats.greenCategories.map((r) => [r.key, r.balanceFen])).toEqual([['3.1.1', 300_000], ['4.2.1', 100_000]]);
  });
});
