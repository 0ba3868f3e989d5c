import { exact, exactAdd, exactDivide, exactFromDecimal, exactMultiply, exactToFen, exactToNumber, roundHalfEven, type Exact } from '../money/index.js';
import type { CandidateLoan, WaterfallPool } from './types.js';

export interface ShareRow {
  key: string;
  balanceFen: number;
  count: number;
  /** Share of the pool balance, basis points, half-even. */
  shareBp: number;
}

export interface PoolStatistics {
  count: number;
  balanceFen: number;
  collateralValueFen: number;
  /** Balance-weighted, decimal per year (10 places). */
  weightedAverageRate: number;
  /** Balance-weighted remaining term and seasoning, months (2 places). */
  weightedAverageRemainingMonths: number;
  weightedAverageSeasoningMonths: number;
  /** Pool LTV: Σ outstanding / Σ collateral value (4 places), null without collateral value. */
  poolLtv: number | null;
  ltvDistribution: ShareRow[];
  grades: ShareRow[];
  borrowers: ShareRow[];
  prefectures: ShareRow[];
  industries: ShareRow[];
  greenCategories: ShareRow[];
  largestBorrowerShareBp: number;
  /** The aggregate the waterfall projects: balance, weighted rate, weighted remaining months (whole, half-even). */
  waterfallPool: WaterfallPool;
}

const LTV_BANDS: { key: string; upToPercent: number | null }[] = [
  { key: '≤50%', upToPercent: 50 },
  { key: '50–60%', upToPercent: 60 },
  { key: '60–70%', upToPercent: 70 },
  { key: '>70%', upToPercent: null },
];

function ltvBand(loan: CandidateLoan): string {
  if (loan.collateralValueFen === 0) return '>70%';
  for (const band of LTV_BANDS) {
    if (band.upToPercent === null || BigInt(loan.outstandingFen) * 100n <= BigInt(loan.collateralValueFen) * BigInt(band.upToPercent)) return band.key;
  }
  return '>70%';
}

function shares(loans: readonly CandidateLoan[], total: number, key: (l: CandidateLoan) => string, order?: string[]): ShareRow[] {
  const rows = new Map<string, ShareRow>();
  for (const k of order ?? []) rows.set(k, { key: k, balanceFen: 0, count: 0, shareBp: 0 });
  for (const loan of loans) {
    const k = key(loan);
    const row = rows.get(k) ?? { key: k, balanceFen: 0, count: 0, shareBp: 0 };
    row.balanceFen += loan.outstandingFen;
    row.count += 1;
    rows.set(k, row);
  }
  const list = [...rows.values()].map((r) => ({ ...r, shareBp: total === 0 ? 0 : exactToFen(exact(BigInt(r.balanceFen) * 10_000n, BigInt(total)), roundHalfEven) }));
  return order ? list : list.sort((a, b) => b.balanceFen - a.balanceFen || a.key.localeCompare(b.key));
}

/** Statistics of a selected pool: balance, weighted averages, LTV, grade, concentration and green-category distributions. */
export function poolStatistics(loans: readonly CandidateLoan[]): PoolStatistics {
  const balance = loans.reduce((s, l) => s + l.outstandingFen, 0);
  const collateral = loans.reduce((s, l) => s + l.collateralValueFen, 0);
  const weightedSum = (value: (l: CandidateLoan) => Exact): Exact => loans.reduce((sum, l) => exactAdd(sum, exactMultiply(exact(BigInt(l.outstandingFen)), value(l))), exact(0n));
  const perFen = (x: Exact): Exact => exactDivide(x, exact(BigInt(Math.max(balance, 1))));
  const waRate = balance === 0 ? 0 : exactToNumber(perFen(weightedSum((l) => exactFromDecimal(l.annualRate))), 10);
  const waRemaining = perFen(weightedSum((l) => exact(BigInt(l.remainingMonths))));
  const waSeasoning = perFen(weightedSum((l) => exact(BigInt(l.seasoningMonths))));
  const borrowers = shares(loans, balance, (l) => l.borrowerId);
  return {
    count: loans.length,
    balanceFen: balance,
    collateralValueFen: collateral,
    weightedAverageRate: waRate,
    weightedAverageRemainingMonths: balance === 0 ? 0 : exactToNumber(waRemaining, 2),
    weightedAverageSeasoningMonths: balance === 0 ? 0 : exactToNumber(waSeasoning, 2),
    poolLtv: collateral === 0 ? null : exactToNumber(exact(BigInt(balance), BigInt(collateral)), 4),
    ltvDistribution: shares(loans, balance, ltvBand, LTV_BANDS.map((b) => b.key)),
    grades: shares(loans, balance, (l) => l.grade ?? 'none'),
    borrowers,
    prefectures: shares(loans, balance, (l) => l.prefecture),
    industries: shares(loans, balance, (l) => l.industry),
    greenCategories: shares(loans, balance, (l) => l.greenCategory ?? 'none'),
    largestBorrowerShareBp: borrowers[0]?.shareBp ?? 0,
    waterfallPool: {
      balanceFen: balance,
      annualRate: waRate,
      remainingMonths: balance === 0 ? 1 : Math.max(1, exactToFen(waRemaining, roundHalfEven)),
    },
  };
}
