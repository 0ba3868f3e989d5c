// The stress-test download: each scenario's totals, then every pledge under every scenario.
import type { PortfolioStress } from '../domain/valuations/stress-service.js';
import { ReportBuilder } from './pdf/report-builder.js';
import { assetTypeNames, ltvText, percent, yuan } from './valuation-labels.js';

export function buildStressReport(stress: PortfolioStress, bankName: string, generatedAt: Date): Promise<Buffer> {
  const report = new ReportBuilder({
    title: '质押资产组合压力测试',
    subtitle: `${bankName} · 基准日 ${stress.valuationDate} · ${stress.assets.length} 项质押资产`,
    footer: `估值配置 ${stress.configVersion}`,
    creationDate: generatedAt,
  });
  const scenarios = [stress.baseline, ...stress.scenarios];
  report.heading('情景汇总').table(
    [{ header: '情景', width: 0.34 }, { header: '价值合计', width: 0.2, align: 'right' }, { header: '贷款余额', width: 0.2, align: 'right' }, { header: 'LTV', width: 0.13, align: 'right' }, { header: '超限', width: 0.13, align: 'right' }],
    scenarios.map((s) => [s.name, yuan(s.totals.valueFen), yuan(s.totals.outstandingLoanFen), ltvText(s.totals.ltv), String(s.totals.breaches)]),
  );
  const nameOf = new Map(stress.assets.map((a) => [a.id, `${a.name}（${assetTypeNames[a.assetType]}）`]));
  for (const s of scenarios) {
    report.heading(s.name).note(s.description).table(
      [{ header: '资产', width: 0.32 }, { header: '价值', width: 0.17, align: 'right' }, { header: '最高贷款', width: 0.17, align: 'right' }, { header: 'LTV / 阈值', width: 0.18, align: 'right' }, { header: '超额贷款', width: 0.16, align: 'right' }],
      s.pledges.map((p) => [nameOf.get(p.id) ?? p.id, yuan(p.valueFen), yuan(p.maxLoanFen), `${ltvText(p.ltv)} / ${percent(p.ltvThreshold)}${p.breach ? ' 超限' : ''}`, yuan(p.excessLoanFen)]),
    );
  }
  return report.toBuffer();
}
