/** The regulator's green-finance statistics as the API returns them (integer fen, basis points). */
export interface StatisticsRow {
  key: string;
  label: string;
  loans: number;
  balanceFen: number;
  newLoansFen: number;
  weightedRateBp: number;
  overdueRatioBp: number;
  defaultRatioBp: number;
  measures?: string[];
}

export interface GreenFinanceStatistics {
  scope: { kind: 'all' } | { kind: 'bank'; institutionId: string; name: string };
  asOf: string;
  quarter: {
    quarter: string; from: string; to: string; greenBalanceFen: number; totalBalanceFen: number; greenShareBp: number;
    newGreenLoansFen: number; previousQuarterNewGreenLoansFen: number; growthBp: number | null; riskBalanceFen: number; riskShareBp: number;
  };
  totals: Omit<StatisticsRow, 'key' | 'label'>;
  byCategory: StatisticsRow[];
  byUse: StatisticsRow[];
  byIndustry: StatisticsRow[];
  byPrefecture: StatisticsRow[];
  byBank: StatisticsRow[];
  bySize: StatisticsRow[];
  bonds: {
    byState: { state: string; bonds: number }[]; proceedsFen: number; allocatedFen: number; unallocatedFen: number; allocatedShareBp: number;
    publishedBenefits: Record<string, number>; publishedReports: number;
  } | null;
  collateral?: {
    pledgedByType: { assetType: string; assets: number; valueFen: number }[];
    ltvDistribution: { band: string; loans: number; balanceFen: number }[];
    guarantees: { outstanding: { guarantees: number; amountFen: number }; compensated: { guarantees: number; amountFen: number } };
    grades: { grade: string; subjects: number }[] | null;
  };
  /** Settled ecological-rights trades by right type and month (platform readers only; null for a bank). */
  trading?: { assetType: string; month: string; unit: string; trades: number; quantity: number; valueFen: number }[] | null;
  timing: { loansMs: number; totalMs: number };
}

export const DIMENSIONS = ['byCategory', 'byUse', 'byIndustry', 'byPrefecture', 'byBank', 'bySize'] as const;
export type Dimension = (typeof DIMENSIONS)[number];
