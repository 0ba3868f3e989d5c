import { projectWaterfall } from '../project-waterfall.js';
import type { WaterfallProjection, WaterfallStructure } from '../types.js';

// A small pool: 12 000 yuan at 6 % a year (0.5 % a month), 3 months left, equal principal.
const pool = { balanceFen: 1_200_000, annualRate: 0.06, remainingMonths: 3 };
const twoTranches: WaterfallStructure = {
  tranches: [
    { name: 'A', class: 'senior', sizeFen: 900_000, couponRate: 0.04 },
    { name: 'Sub', class: 'subordinated', sizeFen: 300_000, couponRate: 0 },
  ],
  feeRate: 0,
  reserve: { initialFen: 0, targetFen: 0 },
};
const calm = { name: 'calm', cdr: 0, cpr: 0, recoveryRate: 0, recoveryLagMonths: 0 };
const column = (p: WaterfallProjection, tranche: number, key: 'interestFen' | 'principalFen' | 'writedownFen' | 'balanceFen') => p.tranches[tranche]!.cashflows.map((m) => m[key]);

/** Every fen collected (and the initial reserve) leaves as fees, tranche interest, tranche principal or residual. */
function conserved(p: WaterfallProjection, initialReserve: number): void {
  const inflow = p.totals.interestFen + p.totals.principalFen + p.totals.recoveriesFen + initialReserve;
  const paid = p.tranches.reduce((s, t) => s + t.totalInterestFen + t.totalPrincipalFen, 0);
  expect(p.totals.feesFen + paid + p.totals.residualFen + p.pool[p.pool.length - 1]!.reserveBalanceFen).toBe(inflow);
}

describe('projectWaterfall', () => {
  it('pays a pool without defaults in full: senior coupons 3 000, 1 667, 333; principal 400 000 a month, senior first', () => {
    const p = projectWaterfall(pool, twoTranches, calm);
    expect(p.months).toBe(3);
    expect(p.pool.map((m) => [m.interestFen, m.scheduledPrincipalFen, m.endBalanceFen, m.residualFen])).toEqual([
      [6_000, 400_000, 800_000, 3_000],
      [4_000, 400_000, 400_000, 2_333],
      [2_000, 400_000, 0, 1_667],
    ]);
    // senior coupon month 2: 500 000 × 4 % / 12 = 1 666.67 → 1 667; month 3: 100 000 × 4 % / 12 = 333.33 → 333
    expect(column(p, 0, 'interestFen')).toEqual([3_000, 1_667, 333]);
    expect(column(p, 0, 'principalFen')).toEqual([400_000, 400_000, 100_000]);
    expect(column(p, 1, 'principalFen')).toEqual([0, 0, 300_000]);
    expect(p.tranches.map((t) => [t.totalInterestFen, t.totalPrincipalFen, t.lossFen, t.paidInFull, t.walYears])).toEqual([
      // senior WAL = (1 × 400 000 + 2 × 400 000 + 3 × 100 000) / (12 × 900 000) = 0.13888… → 0.1389
      [5_000, 900_000, 0, true, 0.1389],
      [0, 300_000, 0, true, 0.25],
    ]);
    conserved(p, 0);
  });

  it('lets defaults of 5 % a month wipe out the subordinated tranche and write down the mezzanine, bottom-up', () => {
    const structure: WaterfallStructure = {
      tranches: [
        { name: 'A', class: 'senior', sizeFen: 1_000_000, couponRate: 0.04 },
        { name: 'B', class: 'mezzanine', sizeFen: 150_000, couponRate: 0.08 },
        { name: 'Sub', class: 'subordinated', sizeFen: 50_000, couponRate: 0 },
      ],
      feeRate: 0,
      reserve: { initialFen: 0, targetFen: 0 },
    };
    const p = projectWaterfall(pool, structure, { name: 'wipe-out', cdr: 0.6, cpr: 0, recoveryRate: 0, recoveryLagMonths: 0 });
    // month 1: defaults 60 000, interest 1 140 000 × 0.5 % = 5 700, principal 380 000; month 2: 38 000, 3 610, 361 000;
    // month 3: 18 050, 342 950 × 0.5 % = 1 714.75 → 1 715, 342 950.
    expect(p.pool.map((m) => [m.defaultsFen, m.interestFen, m.scheduledPrincipalFen, m.lossFen])).toEqual([
      [60_000, 5_700, 380_000, 60_000],
      [38_000, 3_610, 361_000, 38_000],
      [18_050, 1_715, 342_950, 18_050],
    ]);
    expect(column(p, 2, 'writedownFen')).toEqual([50_000, 0, 0]);
    expect(column(p, 1, 'writedownFen')).toEqual([10_000, 38_000, 18_050]);
    expect(column(p, 1, 'interestFen')).toEqual([1_000, 933, 680]);
    expect(column(p, 0, 'interestFen')).toEqual([3_333, 2_067, 863]);
    expect(column(p, 0, 'principalFen')).toEqual([380_000, 361_000, 259_000]);
    expect(p.tranches.map((t) => [t.totalPrincipalFen, t.lossFen, t.paidInFull, t.walYears])).toEqual([
      // (380 000 + 2 × 361 000 + 3 × 259 000) / 12 000 000 = 0.156583… → 0.1566
      [1_000_000, 0, true, 0.1566],
      [83_950, 66_050, false, 0.25],
      [0, 50_000, false, null],
    ]);
    expect(p.totals).toMatchObject({ defaultsFen: 116_050, lossFen: 116_050, residualFen: 1_367 + 610 + 172 });
    conserved(p, 0);
  });

  it('passes prepayments of 24 % a year (2 % a month) to the senior tranche and shortens its life', () => {
    const p = projectWaterfall(pool, twoTranches, { name: 'prepay', cdr: 0, cpr: 0.24, recoveryRate: 0, recoveryLagMonths: 0 });
    // prepayments: 800 000 × 2 % = 16 000; 392 000 × 2 % = 7 840; nothing in the last month
    expect(p.pool.map((m) => [m.interestFen, m.scheduledPrincipalFen, m.prepaymentFen, m.endBalanceFen])).toEqual([
      [6_000, 400_000, 16_000, 784_000],
      [3_920, 392_000, 7_840, 384_160],
      [1_921, 384_160, 0, 0],
    ]);
    expect(column(p, 0, 'principalFen')).toEqual([416_000, 399_840, 84_160]);
    expect(column(p, 0, 'interestFen')).toEqual([3_000, 1_613, 281]);
    // (416 000 + 2 × 399 840 + 3 × 84 160) / 10 800 000 = 0.135940… → 0.1359
    expect(p.tranches[0]!.walYears).toBe(0.1359);
    expect(p.tranches.every((t) => t.paidInFull)).toBe(true);
    conserved(p, 0);
  });

  it('receives a 50 % recovery two months after the default and releases the reserve into principal in the last month', () => {
    const structure: WaterfallStructure = {
      tranches: [
        { name: 'A', class: 'senior', sizeFen: 1_000_000, couponRate: 0.04 },
        { name: 'Sub', class: 'subordinated', sizeFen: 200_000, couponRate: 0 },
      ],
      feeRate: 0.012,
      reserve: { initialFen: 10_000, targetFen: 10_000 },
    };
    const p = projectWaterfall(pool, structure, { name: 'lagged', cdr: 0.6, cpr: 0, recoveryRate: 0.5, recoveryLagMonths: 2 });
    // defaults 60 000 / 38 000 / 18 050 recover 30 000 / 19 000 / 9 025 in months 3, 4, 5.
    expect(p.months).toBe(5);
    expect(p.pool.map((m) => m.recoveriesFen)).toEqual([0, 0, 30_000, 19_000, 9_025]);
    expect(p.pool.map((m) => m.lossFen)).toEqual([30_000, 19_000, 9_025, 0, 0]);
    // fees 1 200 000 × 1.2 % / 12 = 1 200, then 760 000 → 760, 361 000 → 361; months 4–5 nothing
    expect(p.pool.map((m) => m.feesFen)).toEqual([1_200, 760, 361, 0, 0]);
    // sub written down 20 000 (month 1), 19 000 (month 2), 9 025 (month 3): the 10 000 reserve is collateral and pays it in month 5
    expect(column(p, 1, 'writedownFen')).toEqual([20_000, 19_000, 9_025, 0, 0]);
    expect(column(p, 1, 'principalFen')).toEqual([0, 0, 113_950, 19_000, 19_025]);
    expect(p.pool.map((m) => m.reserveBalanceFen)).toEqual([10_000, 10_000, 10_000, 10_000, 0]);
    expect(p.tranches[0]!.paidInFull).toBe(true);
    expect(p.tranches[1]!.lossFen).toBe(48_025);
    conserved(p, 10_000);
  });

  it('draws the reserve for a senior coupon the collections cannot pay, carries the rest, and then the senior is not paid in full', () => {
    const structure: WaterfallStructure = { ...twoTranches, tranches: [{ name: 'A', class: 'senior', sizeFen: 900_000, couponRate: 0.12 }, twoTranches.tranches[1]!], reserve: { initialFen: 5_000, targetFen: 5_000 } };
    const p = projectWaterfall({ ...pool, annualRate: 0 }, structure, calm);
    // coupon 1 % a month: 9 000 due, reserve pays 5 000, 4 000 carried; then 5 000 + 4 000; then 1 000 + 9 000
    expect(p.pool.map((m) => m.reserveDrawFen)).toEqual([5_000, 0, 0]);
    expect(column(p, 0, 'interestFen')).toEqual([5_000, 0, 0]);
    expect(p.tranches[0]!.cashflows.map((m) => m.interestShortfallFen)).toEqual([4_000, 9_000, 10_000]);
    expect(p.tranches.map((t) => [t.unpaidInterestFen, t.paidInFull])).toEqual([[10_000, false], [0, true]]);
    conserved(p, 5_000);
  });

  it('refuses tranches above the pool balance and tranches out of order, naming the field', () => {
    const big = { ...twoTranches, tranches: [{ name: 'A', class: 'senior' as const, sizeFen: 1_200_001, couponRate: 0.04 }] };
    expect(() => projectWaterfall(pool, big, calm)).toThrow(expect.objectContaining({ field: 'structure.tranches' }));
    const reversed = { ...twoTranches, tranches: [...twoTranches.tranches].reverse() };
    expect(() => projectWaterfall(pool, reversed, calm)).toThrow(expect.objectContaining({ field: 'structure.tranches[1].class' }));
  });
});
