// The regulator's green-finance statistics as CSV (UTF-8, one row per dimension value, integer fen
// and basis points so figures stay exact) and as a PDF in Chinese.
import { formatYuan } from '@eco/scoring';
import type { GreenFinanceStatistics, StatisticsRow } from '../domain/statistics/statistics-service.js';
import { measureName } from './bond-impact-report.js';
import { ReportBuilder } from './pdf/report-builder.js';

const dimensions = [
  ['category', 'byCategory', '按绿色用途大类'], ['use', 'byUse', '按绿色贷款用途（人行统计口径）'], ['industry', 'byIndustry', '按行业'],
  ['prefecture', 'byPrefecture', '按地州'], ['bank', 'byBank', '按银行'], ['size', 'bySize', '按借款人规模'],
] as const;

const csvCell = (v: string | number): string => {
  const s = String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export const statisticsCsvHeader = ['dimension', 'key', 'label', 'loans', 'balance_fen', 'new_loans_fen', 'weighted_rate_bp', 'overdue_ratio_bp', 'default_ratio_bp'];

export function statisticsCsv(s: GreenFinanceStatistics): string {
  const lines = [statisticsCsvHeader.join(',')];
  const row = (dimension: string, r: Pick<StatisticsRow, 'key' | 'label'> & Omit<StatisticsRow, 'key' | 'label'>) =>
    [dimension, r.key, r.label, r.loans, r.balanceFen, r.newLoansFen, r.weightedRateBp, r.overdueRatioBp, r.defaultRatioBp].map(csvCell).join(',');
  lines.push(row('total', { key: 'all', label: s.scope.kind === 'bank' ? s.scope.name : '全部银行', ...s.totals }));
  for (const [dimension, field] of dimensions) for (const r of s[field]) lines.push(row(dimension, r));
  return `${lines.join('\n')}\n`;
}

/** The tables of the statistics, each exportable as its own CSV (`?table=`; `loans` is the default). */
export const statisticsTables = ['loans', 'quarter', 'pledged', 'ltv', 'guarantees', 'grades', 'bonds', 'benefits', 'trades'] as const;
export type StatisticsTable = (typeof statisticsTables)[number];

const csv = (header: readonly string[], rows: readonly (readonly (string | number)[])[]): string =>
  `${[header.join(','), ...rows.map((r) => r.map(csvCell).join(','))].join('\n')}\n`;

/** One table of the statistics as CSV (integer fen, basis points, counts; empty cells for null). */
export function statisticsTableCsv(s: GreenFinanceStatistics, table: StatisticsTable): string {
  switch (table) {
    case 'loans':
      return statisticsCsv(s);
    case 'quarter': {
      const q = s.quarter;
      return csv(['quarter', 'from', 'to', 'green_balance_fen', 'total_balance_fen', 'green_share_bp', 'new_green_loans_fen', 'previous_quarter_new_green_loans_fen', 'growth_bp', 'risk_balance_fen', 'risk_share_bp'],
        [[q.quarter, q.from, q.to, q.greenBalanceFen, q.totalBalanceFen, q.greenShareBp, q.newGreenLoansFen, q.previousQuarterNewGreenLoansFen, q.growthBp ?? '', q.riskBalanceFen, q.riskShareBp]]);
    }
    case 'pledged':
      return csv(['asset_type', 'assets', 'value_fen'], s.collateral.pledgedByType.map((r) => [r.assetType, r.assets, r.valueFen]));
    case 'ltv':
      return csv(['band', 'loans', 'balance_fen'], s.collateral.ltvDistribution.map((r) => [r.band, r.loans, r.balanceFen]));
    case 'guarantees': {
      const g = s.collateral.guarantees;
      return csv(['status', 'guarantees', 'amount_fen'], [['outstanding', g.outstanding.guarantees, g.outstanding.amountFen], ['compensated', g.compensated.guarantees, g.compensated.amountFen]]);
    }
    case 'grades':
      return csv(['grade', 'subjects'], (s.collateral.grades ?? []).map((r) => [r.grade, r.subjects]));
    case 'bonds': {
      const b = s.bonds;
      const rows: (string | number)[][] = b ? [
        ...b.byState.map((r) => ['state', r.state, r.bonds, '']),
        ['ledger', 'proceeds_fen', '', b.proceedsFen], ['ledger', 'allocated_fen', '', b.allocatedFen], ['ledger', 'unallocated_fen', '', b.unallocatedFen],
        ['ledger', 'allocated_share_bp', '', b.allocatedShareBp], ['ledger', 'published_reports', '', b.publishedReports],
      ] : [];
      return csv(['section', 'key', 'bonds', 'value'], rows);
    }
    case 'benefits':
      return csv(['measure', 'label', 'value'], Object.entries(s.bonds?.publishedBenefits ?? {}).map(([m, v]) => [m, measureName(m), v]));
    case 'trades':
      return csv(['right_type', 'month', 'unit', 'trades', 'quantity', 'value_fen'], (s.trading ?? []).map((r) => [r.assetType, r.month, r.unit, r.trades, r.quantity, r.valueFen]));
  }
}

const yuan = (fen: number): string => `¥${formatYuan(fen)}`;
const ltvNames: Record<string, string> = { lt30: '< 30%', '30to50': '30%–50%', '50to70': '50%–70%', ge70: '≥ 70%' };
const pct = (bp: number | null): string => (bp === null ? '—' : `${(bp / 100).toFixed(2)}%`);

export function statisticsPdf(s: GreenFinanceStatistics): Promise<Buffer> {
  const pdf = new ReportBuilder({
    title: '绿色金融统计报表',
    subtitle: `${s.scope.kind === 'bank' ? s.scope.name : '辖内全部银行'} · 截至 ${s.asOf} · ${s.quarter.quarter}`,
    footer: `统计口径：绿色贷款专项统计（用途按绿色产业指导目录）；借款人规模按单笔金额分档 · 生成于 ${s.asOf}`,
    creationDate: new Date(`${s.asOf}T00:00:00Z`),
  });
  const q = s.quarter;
  pdf.heading('一、季度评价指标').keyValues([
    ['绿色贷款余额', yuan(q.greenBalanceFen)], ['各项贷款余额', yuan(q.totalBalanceFen)], ['绿色业务占比', pct(q.greenShareBp)],
    ['本季新发放绿色贷款', yuan(q.newGreenLoansFen)], ['上季新发放', yuan(q.previousQuarterNewGreenLoansFen)], ['增长', pct(q.growthBp)],
    ['逾期及违约余额', yuan(q.riskBalanceFen)], ['风险占比', pct(q.riskShareBp)],
  ]);
  const columns = [
    { header: '分组', width: 0.28 }, { header: '笔数', width: 0.08, align: 'right' as const }, { header: '余额', width: 0.18, align: 'right' as const },
    { header: '本季新发放', width: 0.16, align: 'right' as const }, { header: '加权利率', width: 0.1, align: 'right' as const },
    { header: '逾期率', width: 0.1, align: 'right' as const }, { header: '违约率', width: 0.1, align: 'right' as const },
  ];
  let n = 2;
  for (const [, field, title] of dimensions) {
    pdf.heading(`${['', '一', '二', '三', '四', '五', '六', '七', '八', '九'][n++]}、${title}`).table(columns,
      s[field].map((r) => [r.label, String(r.loans), yuan(r.balanceFen), yuan(r.newLoansFen), pct(r.weightedRateBp), pct(r.overdueRatioBp), pct(r.defaultRatioBp)]));
  }
  const c = s.collateral;
  pdf.heading('八、押品与担保').table(
    [{ header: '质押资产类型', width: 0.4 }, { header: '项数', width: 0.2, align: 'right' as const }, { header: '最新估值', width: 0.4, align: 'right' as const }],
    c.pledgedByType.map((r) => [r.assetType, String(r.assets), yuan(r.valueFen)]),
  ).keyValues([
    ...c.ltvDistribution.map((b) => [`抵押率 ${ltvNames[b.band] ?? b.band}`, `${b.loans} 笔 · ${yuan(b.balanceFen)}`] as const),
    ['在保余额', `${c.guarantees.outstanding.guarantees} 笔 · ${yuan(c.guarantees.outstanding.amountFen)}`],
    ['已代偿', `${c.guarantees.compensated.guarantees} 笔 · ${yuan(c.guarantees.compensated.amountFen)}`],
    ...(c.grades ?? []).map((g) => [`生态信用等级 ${g.grade}`, `${g.subjects} 户`] as const),
  ]);
  if (s.bonds) {
    pdf.heading('九、绿色债券').keyValues([
      ['募集资金', yuan(s.bonds.proceedsFen)], ['已投放', yuan(s.bonds.allocatedFen)], ['未投放', yuan(s.bonds.unallocatedFen)], ['投放比例', pct(s.bonds.allocatedShareBp)],
      ['已发布环境效益报告', `${s.bonds.publishedReports} 份`],
      ...Object.entries(s.bonds.publishedBenefits).map(([m, v]) => [measureName(m), v.toLocaleString('zh-CN', { maximumFractionDigits: 3 })] as const),
    ]);
  }
  if (s.trading?.length) {
    pdf.heading('十、生态权益交易').table(
      [{ header: '权益类型', width: 0.25 }, { header: '月份', width: 0.15 }, { header: '成交笔数', width: 0.15, align: 'right' as const }, { header: '成交量', width: 0.2, align: 'right' as const }, { header: '成交金额', width: 0.25, align: 'right' as const }],
      s.trading.map((r) => [r.assetType, r.month, String(r.trades), `${r.quantity.toLocaleString('zh-CN')} ${r.unit}`, yuan(r.valueFen)]),
    );
  }
  return pdf.toBuffer();
}
