// The annual allocation and impact report of a green bond, as a PDF in Chinese: the ledger, the
// allocations by project and the quantified environmental benefits (totals = sum of the projects).
import { findTaxonomyEntry, formatYuan, greenTaxonomy } from '@eco/scoring';
import type { Bond, ImpactReport } from '../db/bonds/bond.types.js';
import { ReportBuilder } from './pdf/report-builder.js';

const yuan = (fen: number): string => `¥${formatYuan(fen)}`;
const stateNames: Record<string, string> = { DRAFT: '草稿', VERIFIED: '已核验', PUBLISHED: '已发布' };

export function measureName(code: string): string {
  const m = greenTaxonomy.measures.find((x) => x.code === code);
  return m ? `${m.zh}（${m.unit}）` : code;
}

export function buildImpactReportPdf(report: ImpactReport, bond: Bond, issuerName: string): Promise<Buffer> {
  const pdf = new ReportBuilder({
    title: `${bond.name} ${report.year} 年度募集资金使用与环境效益报告`,
    subtitle: `${issuerName} · 报告状态 ${stateNames[report.state] ?? report.state}`,
    footer: `绿色目录 ${greenTaxonomy.version} · 报告编号 ${report.id}`,
    creationDate: new Date(report.stateSince),
  });
  pdf.heading('一、募集资金使用情况').keyValues([
    ['募集资金', yuan(report.allocation.proceedsFen)], ['已投放', yuan(report.allocation.allocatedFen)], ['未投放余额', yuan(report.allocation.unallocatedFen)],
    ['投放比例', `${(report.allocation.allocatedShareBp / 100).toFixed(2)}%`], ['闲置资金安排', bond.framework.temporaryPlacement || '—'],
  ]);
  const nameOf = (id: string) => bond.projects.find((p) => p.id === id);
  pdf.heading('二、项目投放明细').table(
    [{ header: '项目', width: 0.4 }, { header: '目录分类', width: 0.35 }, { header: '投放金额', width: 0.25, align: 'right' }],
    report.allocation.byProject.map((p) => [nameOf(p.projectId)?.name ?? p.projectId, (() => { const e = findTaxonomyEntry(nameOf(p.projectId)?.taxonomyCode ?? ''); return e ? `${e.code} ${e.zh}` : '—'; })(), yuan(p.amountFen)]),
  );
  pdf.heading('三、环境效益（各项目合计）').table(
    [{ header: '指标', width: 0.6 }, { header: '合计', width: 0.4, align: 'right' }],
    Object.entries(report.totals).map(([code, value]) => [measureName(code), value.toLocaleString('zh-CN', { maximumFractionDigits: 3 })]),
  );
  for (const p of report.projects) {
    pdf.heading(`项目：${nameOf(p.projectId)?.name ?? p.projectId}`).keyValues(Object.entries(p.measures).map(([code, value]) => [measureName(code), value.toLocaleString('zh-CN', { maximumFractionDigits: 3 })] as const));
  }
  if (report.narrative) pdf.heading('四、说明').paragraph(report.narrative);
  if (report.verification) pdf.heading('五、外部核验').keyValues([['核验人', report.verification.by.username], ['核验日期', new Date(report.verification.at).toISOString().slice(0, 10)], ['意见', report.verification.note || '—']]);
  return pdf.toBuffer();
}
