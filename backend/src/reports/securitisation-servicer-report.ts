// The monthly servicer report of a securitised loan pool as a Chinese PDF (资产服务机构报告).
import { formatYuan } from '@eco/scoring';
import type { SecuritisationPool, ServicerReport } from '../db/securitisation-pools/pool.types.js';
import { ReportBuilder } from './pdf/report-builder.js';

const yuan = (fen: number): string => `¥${formatYuan(fen)}`;
const trancheClass: Record<string, string> = { senior: '优先级', mezzanine: '中间级', subordinated: '次级' };

export function buildServicerReportPdf(pool: SecuritisationPool, report: ServicerReport, originatorName: string): Promise<Buffer> {
  const pdf = new ReportBuilder({ title: '资产服务机构报告', subtitle: `${pool.name} · ${report.period}`, footer: `${originatorName} · 配置版本 ${pool.configVersion}`, creationDate: new Date(report.createdAt) });
  pdf.heading('一、本期回收').keyValues([
    ['本金回收', yuan(report.collections.principalFen)], ['利息回收', yuan(report.collections.interestFen)], ['罚息', yuan(report.collections.penaltyFen)],
    ['合计', yuan(report.collections.totalFen)], ['本期违约', `${yuan(report.defaultsFen)}（${report.defaultedLoans.length} 笔）`], ['处置回收', yuan(report.recoveriesFen)],
    ['期末资产池余额', yuan(report.poolBalanceFen)],
  ]);
  pdf.heading('二、分档证券').table(
    [{ header: '档次', width: 0.2 }, { header: '期初余额', width: 0.2, align: 'right' }, { header: '利息', width: 0.2, align: 'right' }, { header: '本金', width: 0.2, align: 'right' }, { header: '期末余额', width: 0.2, align: 'right' }],
    report.tranches.map((t) => [`${t.name}（${trancheClass[t.class] ?? t.class}）`, yuan(t.openingFen), yuan(t.interestFen), yuan(t.principalFen), yuan(t.closingFen)]),
  );
  pdf.heading('三、逐笔回收').table(
    [{ header: '贷款', width: 0.3 }, { header: '本金', width: 0.175, align: 'right' }, { header: '利息', width: 0.175, align: 'right' }, { header: '处置回收', width: 0.175, align: 'right' }, { header: '违约', width: 0.175, align: 'right' }],
    report.loans.map((r) => [r.loanId, yuan(r.principalFen), yuan(r.interestFen + r.penaltyFen), yuan(r.recoveriesFen), yuan(r.defaultedFen)]),
  );
  pdf.note(`剩余收益（次级持有人）：${yuan(report.residualFen)}。数据来自各笔贷款的实际还款记录（${report.repaymentRefs.length} 条）。`);
  return pdf.toBuffer();
}
