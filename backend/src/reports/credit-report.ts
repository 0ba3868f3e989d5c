// The ecological-credit report (PDF, Chinese text in the embedded Noto Sans SC): grade, score,
// benefits, breakdown, vetoes, each line's explanation and the rule-set version that produced it.
import type { EventLine, IndicatorLine } from '@eco/scoring';
import type { Explanation } from '../domain/points/account-service.js';
import { localized } from '../domain/points/explanation.js';
import { ReportBuilder } from './pdf/report-builder.js';

const points = (centipoints: number): string => (centipoints / 100).toFixed(2);
const maxLines = 200;

const reasonText: Record<string, string> = {
  counted: '计入', capped: '超出上限部分不计', expired: '已过期', vetoed: '一票否决', downgraded: '降级',
  missing_evidence: '缺少证据', duplicate: '重复上报（只计一次）', no_rule: '无对应规则', after_as_of: '晚于评价日',
  missing_data: '无数据', no_benchmark: '无行业基准',
};

function lineRows(explanation: Explanation): string[][] {
  const { result, labels } = explanation;
  return result.lines.slice(0, maxLines).map((line) => {
    if (line.kind === 'indicator') {
      const l = line as IndicatorLine;
      const label = labels[l.indicatorId];
      return [label ? localized(label, 'zh-CN') : l.indicatorId, `${l.weight}%`, l.scoreCentipoints === null ? '—' : points(l.scoreCentipoints), reasonText[l.reason] ?? l.reason];
    }
    const e = line as EventLine;
    const rule = e.ruleId ? labels[e.ruleId] : undefined;
    const label = rule ? localized(rule, 'zh-CN') : (e.ruleId ?? e.eventType);
    return [`${e.occurredOn} ${label} ×${e.quantity}`, e.ruleId ?? '—', points(e.centipoints), reasonText[e.reason] ?? e.reason];
  });
}

export async function buildCreditReport(explanation: Explanation, generatedAt: Date): Promise<Buffer> {
  const { result, subject } = explanation;
  const ruleSet = `${result.ruleSet.id}@${result.ruleSet.version}`;
  const grade = explanation.grades.find((g) => g.id === result.grade);
  const builder = new ReportBuilder({
    title: '生态信用报告 Ecological credit report',
    subtitle: `${subject.name} · 评价日 ${result.asOf}`,
    footer: `生成时间 ${generatedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC · 规则集 ${ruleSet}`,
    creationDate: generatedAt,
  });
  builder.heading('评价结果').keyValues([
    ['主体 Subject', `${subject.name}（${subject.type}）`],
    ['等级 Grade', grade ? `${localized(grade, 'zh-CN')}（${grade.id}）` : '暂无等级'],
    ['得分 Score', points(result.totalCentipoints)],
    ['规则集 Rule set', ruleSet],
    ['数据覆盖 Coverage', `${result.coverage.withData}/${result.coverage.total}`],
    ['贷款利率优惠 Loan-rate discount', `${result.benefits?.loanRateDiscountBp ?? 0} bp`],
    ['授信额度上浮 Credit-limit uplift', `${result.benefits?.creditLimitUpliftPct ?? 0}%`],
  ]);
  builder.heading('分类构成 Breakdown').table(
    [{ header: '类别 Category', width: 0.6 }, { header: '分值 Points', width: 0.4, align: 'right' }],
    result.breakdown.map((b) => [b.category, points(b.centipoints)]),
  );
  if (result.vetoesApplied.length + result.downgradesApplied.length > 0) {
    builder.heading('否决与降级 Vetoes and downgrades').table(
      [{ header: '项目', width: 0.4 }, { header: '自', width: 0.3 }, { header: '至', width: 0.3 }],
      [...result.vetoesApplied.map((v) => [`否决 ${v.vetoId} → ${v.forceGrade}`, v.from, v.until]), ...result.downgradesApplied.map((d) => [`降级 ${d.downgradeId} −${d.steps}`, d.from, d.until])],
    );
  }
  builder.heading('明细与解释 Explanation').table(
    [{ header: '事项 Item', width: 0.45 }, { header: '规则 Rule', width: 0.2 }, { header: '分值', width: 0.12, align: 'right' }, { header: '说明 Reason', width: 0.23 }],
    lineRows(explanation),
  );
  if (result.lines.length > maxLines) builder.note(`仅列出前 ${maxLines} 条，共 ${result.lines.length} 条。`);
  builder.note('每一分都可追溯到证据来源与产生它的规则及其版本；历史得分可按当时有效的规则集重放。');
  return builder.toBuffer();
}
