// The regulator's green-finance statistics: green loans by use category (green taxonomy), industry,
// prefecture, bank and borrower size — balances, new loans in the quarter, balance-weighted rates,
// overdue and default ratios — the quarterly evaluation inputs (green business share, growth, risk
// share) and the green bonds' allocation and published benefits. The regulator (and the platform
// admin) read across banks; a bank's staff read their own bank's figures; nobody else reads any.
import { findTaxonomyEntry, groupSum, shareBp, sumFen } from '@eco/scoring';
import type { BondRepository, ImpactReportRepository } from '../../db/bonds/bond.repository.js';
import type { InstitutionRepository } from '../../db/institutions/institution.repository.js';
import type { SubjectRepository } from '../../db/subjects/subject.repository.js';
import type { CollateralFactRepository } from '../../db/statistics/collateral-facts.repository.js';
import type { GreenLoanFact, GreenLoanFactRepository } from '../../db/statistics/green-loan-facts.repository.js';
import type { TradeRepository } from '../../db/trades/trade.repository.js';
import { tradingMarkets } from '../trading/trading-markets.js';
import { ledgerOf } from '../bonds/bond-service.js';
import type { Clock } from '../clock.js';
import { AppError } from '../errors/index.js';
import { can, readsAllTenants, type Principal } from '../identity/principal.js';

/** Loans with money lent out now: their outstanding principal is the balance. */
const lentStates = new Set(['ACTIVE', 'OVERDUE', 'DEFAULTED']);

/**
 * Borrower size. The platform records no enterprise headcount or turnover, so size is a band of the
 * loan amount (PBoC small-and-micro loans are ≤ 10 million yuan per borrower): individuals; small and
 * micro (< 10 million yuan); medium (< 100 million yuan); large.
 */
export function borrowerSize(subjectType: string | undefined, principalFen: number): 'individual' | 'small_micro' | 'medium' | 'large' {
  if (subjectType === 'individual') return 'individual';
  if (principalFen < 1_000_000_000) return 'small_micro';
  if (principalFen < 10_000_000_000) return 'medium';
  return 'large';
}

export const sizeLabels: Record<string, string> = { individual: '个人', small_micro: '小微', medium: '中型', large: '大型' };

export interface StatisticsRow {
  key: string;
  label: string;
  loans: number;
  balanceFen: number;
  newLoansFen: number;
  /** Balance-weighted annual rate, basis points (half-even). */
  weightedRateBp: number;
  overdueRatioBp: number;
  defaultRatioBp: number;
  /** Environmental-benefit measures reported for this use (category rows). */
  measures?: string[];
}

export interface QuarterlyEvaluation {
  quarter: string;
  from: string;
  to: string;
  greenBalanceFen: number;
  totalBalanceFen: number;
  /** Green business share: green loan balance / all loan balance, bp. */
  greenShareBp: number;
  newGreenLoansFen: number;
  previousQuarterNewGreenLoansFen: number;
  /** Growth of new green lending on the previous quarter, bp (negative when it fell; null without a base). */
  growthBp: number | null;
  /** Overdue and defaulted green balance. */
  riskBalanceFen: number;
  /** Risk share: (overdue + defaulted) / green balance, bp. */
  riskShareBp: number;
}

export interface BondStatistics {
  byState: { state: string; bonds: number }[];
  proceedsFen: number;
  allocatedFen: number;
  unallocatedFen: number;
  allocatedShareBp: number;
  /** Sums of the published impact reports' totals, by measure. */
  publishedBenefits: Record<string, number>;
  publishedReports: number;
}

/** LTV bands of lent loans: principal balance / last valuation of the assets pledged to the loan. */
export const ltvBands = [
  { band: 'lt30', maxBp: 3000 }, { band: '30to50', maxBp: 5000 }, { band: '50to70', maxBp: 7000 }, { band: 'ge70', maxBp: Number.POSITIVE_INFINITY },
] as const;

export interface CollateralStatistics {
  pledgedByType: { assetType: string; assets: number; valueFen: number }[];
  ltvDistribution: { band: string; loans: number; balanceFen: number }[];
  guarantees: { outstanding: { guarantees: number; amountFen: number }; compensated: { guarantees: number; amountFen: number } };
  /** Subjects by ecological-credit grade (regulator only; null for a bank). */
  grades: { grade: string; subjects: number }[] | null;
}

/** Settled ecological-rights trades of one right type (asset type) in one month: count, quantity in the market's unit, value in fen. */
export interface TradingStatisticsRow {
  assetType: string;
  month: string;
  unit: string;
  trades: number;
  quantity: number;
  valueFen: number;
}

export interface GreenFinanceStatistics {
  scope: { kind: 'all' } | { kind: 'bank'; institutionId: string; name: string };
  asOf: string;
  quarter: QuarterlyEvaluation;
  totals: Omit<StatisticsRow, 'key' | 'label'>;
  byCategory: StatisticsRow[];
  byUse: StatisticsRow[];
  byIndustry: StatisticsRow[];
  byPrefecture: StatisticsRow[];
  byBank: StatisticsRow[];
  bySize: StatisticsRow[];
  bonds: BondStatistics | null;
  collateral: CollateralStatistics;
  /** Settled trades by right type and month (China date of the trade), the regulator only (null for a bank). */
  trading: TradingStatisticsRow[] | null;
  timing: { loansMs: number; totalMs: number };
}

interface LoanLine {
  bank: string;
  bankName: string;
  category: string;
  categoryName: string;
  use: string;
  useName: string;
  measures: string[];
  eligible: boolean;
  industry: string;
  prefecture: string;
  size: string;
  state: string;
  loans: number;
  balanceFen: number;
  newLoansFen: number;
  previousNewLoansFen: number;
  rateWeightedFen: bigint;
}

/** '2026Q4' → its first and last day. */
export function quarterRange(quarter: string): { from: string; to: string; previous: string } {
  const year = Number(quarter.slice(0, 4));
  const q = Number(quarter.slice(5));
  const startMonth = (q - 1) * 3 + 1;
  const endMonth = startMonth + 2;
  const lastDay = new Date(Date.UTC(year, endMonth, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  const previous = q === 1 ? `${year - 1}Q4` : `${year}Q${q - 1}`;
  return { from: `${year}-${pad(startMonth)}-01`, to: `${year}-${pad(endMonth)}-${pad(lastDay)}`, previous };
}

export function quarterOf(isoDate: string): string {
  return `${isoDate.slice(0, 4)}Q${Math.floor((Number(isoDate.slice(5, 7)) - 1) / 3) + 1}`;
}

function signedShareBp(part: number, whole: number): number {
  return part < 0 ? -shareBp(-part, whole) : shareBp(part, whole);
}

export class StatisticsService {
  constructor(private readonly deps: { facts: GreenLoanFactRepository; collateral: CollateralFactRepository; subjects: SubjectRepository; institutions: InstitutionRepository; bonds: BondRepository; reports: ImpactReportRepository; trades: TradeRepository; clock: Clock }) {}

  /** Whose figures the caller may read: every bank's (statistics.read across tenants) or its own bank's. */
  scopeOf(principal: Principal, bankId?: string): { kind: 'all' } | { kind: 'bank'; institutionId: string } {
    if (can(principal, 'statistics.read') && readsAllTenants(principal)) return bankId ? { kind: 'bank', institutionId: bankId } : { kind: 'all' };
    if (principal.institutionId && (can(principal, 'loans.review') || can(principal, 'loans.approve'))) {
      if (bankId && bankId !== principal.institutionId) throw new AppError('FORBIDDEN', 'a bank reads only its own figures');
      return { kind: 'bank', institutionId: principal.institutionId };
    }
    throw new AppError('FORBIDDEN', 'green-finance statistics are for the regulator and for banks (their own figures)');
  }

  async compute(principal: Principal, options: { quarter?: string | undefined; bankId?: string | undefined } = {}): Promise<GreenFinanceStatistics> {
    const started = performance.now();
    const scope = this.scopeOf(principal, options.bankId);
    const asOf = this.deps.clock.now().toISOString().slice(0, 10);
    const quarter = options.quarter ?? quarterOf(asOf);
    const range = quarterRange(quarter);
    const previous = quarterRange(range.previous);

    const facts = await this.deps.facts.facts(scope.kind === 'bank' ? scope.institutionId : undefined);
    const loansMs = performance.now() - started;
    const lines = await this.lines(facts, range, previous);
    const green = lines.filter((l) => l.eligible);

    const rows = (key: (l: LoanLine) => string, label: (l: LoanLine) => string, withMeasures = false): StatisticsRow[] => {
      const labels = new Map(green.map((l) => [key(l), l]));
      return groupSum(green, key, {}).map(({ key: k }) => {
        const members = green.filter((l) => key(l) === k);
        const first = labels.get(k)!;
        return { key: k, label: label(first), ...measure(members), ...(withMeasures ? { measures: [...new Set(members.flatMap((m) => m.measures))] } : {}) };
      });
    };

    const totalBalanceFen = sumFen(lines.map((l) => l.balanceFen));
    const totals = measure(green);
    const riskBalanceFen = sumFen(green.filter((l) => l.state === 'OVERDUE' || l.state === 'DEFAULTED').map((l) => l.balanceFen));
    const previousNew = sumFen(green.map((l) => l.previousNewLoansFen));
    const institution = scope.kind === 'bank' ? await this.deps.institutions.findByIdUnscoped(scope.institutionId) : undefined;
    const result: GreenFinanceStatistics = {
      scope: scope.kind === 'bank' ? { kind: 'bank', institutionId: scope.institutionId, name: institution?.name ?? scope.institutionId } : { kind: 'all' },
      asOf,
      quarter: {
        quarter, from: range.from, to: range.to,
        greenBalanceFen: totals.balanceFen, totalBalanceFen, greenShareBp: shareBp(totals.balanceFen, totalBalanceFen),
        newGreenLoansFen: totals.newLoansFen, previousQuarterNewGreenLoansFen: previousNew,
        growthBp: previousNew === 0 ? null : signedShareBp(totals.newLoansFen - previousNew, previousNew),
        riskBalanceFen, riskShareBp: shareBp(riskBalanceFen, totals.balanceFen),
      },
      totals,
      byCategory: rows((l) => l.category, (l) => l.categoryName, true),
      byUse: rows((l) => l.use, (l) => l.useName, true),
      byIndustry: rows((l) => l.industry, (l) => l.industry),
      byPrefecture: rows((l) => l.prefecture, (l) => l.prefecture),
      byBank: rows((l) => l.bank, (l) => l.bankName),
      bySize: rows((l) => l.size, (l) => sizeLabels[l.size] ?? l.size),
      bonds: scope.kind === 'all' ? await this.bondStatistics() : null,
      collateral: await this.collateralStatistics(scope.kind === 'bank' ? scope.institutionId : undefined),
      trading: scope.kind === 'all' ? await this.tradingStatistics() : null,
      timing: { loansMs: 0, totalMs: 0 },
    };
    result.timing = { loansMs: Math.round(loansMs), totalMs: Math.round(performance.now() - started) };
    return result;
  }

  private async lines(facts: GreenLoanFact[], range: { from: string; to: string }, previous: { from: string; to: string }): Promise<LoanLine[]> {
    const subjects = new Map<string, { type?: string; industry: string; region: string }>();
    const banks = new Map<string, string>();
    for (const id of new Set(facts.map((f) => f.subjectId))) {
      const s = await this.deps.subjects.findByIdUnscoped(id);
      subjects.set(id, { type: s?.type, industry: s?.industry ?? '未登记', region: s?.region ?? '未登记' });
    }
    for (const id of new Set(facts.map((f) => f.institutionId))) banks.set(id, (await this.deps.institutions.findByIdUnscoped(id))?.name ?? id);
    return facts.map((f) => {
      const entry = findTaxonomyEntry(f.taxonomyCode);
      const subject = subjects.get(f.subjectId)!;
      const balanceFen = lentStates.has(f.state) ? f.balanceFen : 0;
      const inRange = (r: { from: string; to: string }) => f.disbursementDate !== null && f.disbursementDate >= r.from && f.disbursementDate <= r.to;
      return {
        bank: f.institutionId, bankName: banks.get(f.institutionId)!,
        category: entry?.category.code ?? 'unknown', categoryName: entry?.category.zh ?? '未知',
        use: entry?.pbocLoanUse.code ?? 'unknown', useName: entry?.pbocLoanUse.zh ?? '未知',
        measures: entry?.measures.map((m) => m.code) ?? [], eligible: entry?.eligible ?? false,
        industry: subject.industry, prefecture: subject.region, size: borrowerSize(subject.type, f.principalFen / f.loans),
        state: f.state, loans: f.loans, balanceFen,
        newLoansFen: inRange(range) ? f.principalFen : 0,
        previousNewLoansFen: inRange(previous) ? f.principalFen : 0,
        rateWeightedFen: BigInt(f.annualRateBp ?? 0) * BigInt(balanceFen),
      };
    });
  }

  private async collateralStatistics(institutionId: string | undefined): Promise<CollateralStatistics> {
    const [pledgedByType, lent, guarantees, grades] = await Promise.all([
      this.deps.collateral.pledgedByType(institutionId),
      this.deps.collateral.lentLoanCollateral(institutionId),
      this.deps.collateral.guarantees(institutionId),
      institutionId ? Promise.resolve(null) : this.deps.collateral.gradeDistribution(),
    ]);
    const bandOf = (l: { balanceFen: number; pledgedValueFen: number }) =>
      l.pledgedValueFen === 0 ? 'ge70' : ltvBands.find((b) => shareBp(l.balanceFen, l.pledgedValueFen) < b.maxBp)!.band;
    return {
      pledgedByType,
      ltvDistribution: ltvBands.map(({ band }) => {
        const inBand = lent.filter((l) => bandOf(l) === band);
        return { band, loans: inBand.length, balanceFen: sumFen(inBand.map((l) => l.balanceFen)) };
      }),
      guarantees,
      grades,
    };
  }

  /** Settled trades grouped by right type and month, sorted by right type then month. */
  private async tradingStatistics(): Promise<TradingStatisticsRow[]> {
    const rows = new Map<string, TradingStatisticsRow>();
    for (const trade of await this.deps.trades.settledAll()) {
      const assetType = trade.market.split('|')[0]!;
      const month = trade.period.slice(0, 7);
      const key = `${assetType}|${month}`;
      const row = rows.get(key) ?? { assetType, month, unit: tradingMarkets[assetType as keyof typeof tradingMarkets]?.unit ?? '', trades: 0, quantity: 0, valueFen: 0 };
      row.trades += 1;
      row.quantity += trade.quantity;
      row.valueFen = sumFen([row.valueFen, trade.valueFen]);
      rows.set(key, row);
    }
    return [...rows.values()].sort((a, b) => a.assetType.localeCompare(b.assetType) || a.month.localeCompare(b.month));
  }

  private async bondStatistics(): Promise<BondStatistics> {
    const bonds = await this.deps.bonds.listAll();
    const byState = new Map<string, number>();
    for (const b of bonds) byState.set(b.state, (byState.get(b.state) ?? 0) + 1);
    const ledgers = bonds.filter((b) => b.proceedsFen > 0).map(ledgerOf);
    const proceedsFen = sumFen(ledgers.map((l) => l.proceedsFen));
    const allocatedFen = sumFen(ledgers.map((l) => l.allocatedFen));
    const published = await this.deps.reports.list({ kind: 'all' }, ['PUBLISHED']);
    const thousandths = new Map<string, number>();
    for (const r of published) for (const [m, v] of Object.entries(r.totals)) thousandths.set(m, (thousandths.get(m) ?? 0) + Math.round(v * 1000));
    return {
      byState: [...byState.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([state, n]) => ({ state, bonds: n })),
      proceedsFen, allocatedFen, unallocatedFen: proceedsFen - allocatedFen, allocatedShareBp: shareBp(allocatedFen, proceedsFen),
      publishedBenefits: Object.fromEntries([...thousandths.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([m, v]) => [m, v / 1000])),
      publishedReports: published.length,
    };
  }
}

function measure(lines: LoanLine[]): Omit<StatisticsRow, 'key' | 'label'> {
  const balanceFen = sumFen(lines.map((l) => l.balanceFen));
  const weighted = lines.reduce((s, l) => s + l.rateWeightedFen, 0n);
  const overdue = sumFen(lines.filter((l) => l.state === 'OVERDUE').map((l) => l.balanceFen));
  const defaulted = sumFen(lines.filter((l) => l.state === 'DEFAULTED').map((l) => l.balanceFen));
  return {
    loans: lines.reduce((s, l) => s + l.loans, 0),
    balanceFen,
    newLoansFen: sumFen(lines.map((l) => l.newLoansFen)),
    weightedRateBp: balanceFen === 0 ? 0 : halfEven(weighted, BigInt(balanceFen)),
    overdueRatioBp: shareBp(overdue, balanceFen),
    defaultRatioBp: shareBp(defaulted, balanceFen),
  };
}

function halfEven(numerator: bigint, denominator: bigint): number {
  const q = numerator / denominator;
  const twice = 2n * (numerator - q * denominator);
  if (twice < denominator) return Number(q);
  if (twice > denominator) return Number(q + 1n);
  return Number(q % 2n === 0n ? q : q + 1n);
}
