// Loan PDFs in Chinese: the credit assessment (grade, valuation summary, pre-screen), the approval
// letter (the offer) and the repayment schedule. Each is built from the stored loan only.
import { formatYuan, type RepaymentSchedule } from '@eco/scoring';
import type { Loan, LoanApplication } from '../db/loans/loan.types.js';
import type { Prescreen } from '../domain/loans/loan-prescreen.js';
import { ReportBuilder } from './pdf/report-builder.js';

const yuan = (fen: number | null | undefined): string => (fen === null || fen === undefined ? '—' : `¥${formatYuan(fen)}`);
const rate = (bp: number | null | undefined): string => (bp === null || bp === undefined ? '—' : `${(bp / 100).toFixed(2)}%`);
const day = (d: Date | string | null | undefined): string => (d ? new Date(d).toISOString().slice(0, 10) : '—');
const methodNames: Record<string, string> = { equal_instalment: '等额本息', equal_principal: '等额本金' };
const frequencyNames: Record<string, string> = { monthly: '按月', quarterly: '按季' };

export interface LoanDocumentContext {
  loan: Loan;
  application: LoanApplication;
  applicantName: string;
  bankName: string;
}

export function buildCreditAssessment({ loan, application, applicantName, bankName }: LoanDocumentContext): Promise<Buffer> {
  const p = application.prescreen as Prescreen | null;
  const report = new ReportBuilder({
    title: '生态资产抵质押贷款授信评估报告',
    subtitle: `${applicantName} · ${bankName} · 贷款编号 ${loan.id}`,
    footer: `定价配置 ${p?.versions.pricingConfig ?? '—'} · 绿色目录 ${p?.versions.taxonomy ?? '—'} · 积分规则 ${p?.versions.ruleSet ?? '—'}`,
    creationDate: p ? new Date(p.ranAt) : new Date(loan.submittedAt),
  });
  report.heading('一、申请').keyValues([
    ['申请人', applicantName], ['申请金额', yuan(loan.amountFen)], ['期限', `${loan.termMonths} 个月`], ['用途', loan.purpose],
    ['绿色分类', `${loan.taxonomyCode}${p?.taxonomy.name ? ` ${p.taxonomy.name}` : ''}`], ['还款方式', `${methodNames[loan.repaymentMethod] ?? loan.repaymentMethod}，${frequencyNames[loan.frequency] ?? loan.frequency}`],
    ['当前状态', loan.state],
  ]);
  report.heading('二、生态信用').keyValues([
    ['等级', p?.grade ?? '暂无评分'], ['利率优惠', `${p?.loanRateDiscountBp ?? 0} bp`],
    ['一票否决', p?.activeVetoes.length ? p.activeVetoes.map((v) => `${v.vetoId}（至 ${v.until ?? '—'}）`).join('；') : '无'],
  ]);
  report.heading('三、押品估值').table(
    [{ header: '资产', width: 0.34 }, { header: '评估价值', width: 0.18, align: 'right' }, { header: '可贷价值', width: 0.18, align: 'right' }, { header: '质押率', width: 0.1, align: 'right' }, { header: '最高贷款额', width: 0.2, align: 'right' }],
    (p?.valuations ?? []).map((v) => [v.name, yuan(v.valueFen), yuan(v.lendingValueFen), `${Math.round(v.pledgeRate * 100)}%`, yuan(v.maxLoanFen)]),
  );
  report.heading('四、预审结论').keyValues([
    ['是否符合条件', p ? (p.eligible ? '符合' : '不符合') : '未预审'], ['最高贷款额', yuan(p?.maxLoanFen)], ['建议利率', rate(p?.suggestedAnnualRateBp)],
    ['利率构成', p ? (p.rate['components'] as { explanation: string; bp: string }[]).map((c) => `${c.explanation}（${c.bp} bp）`).join('；') : '—'],
    ['提示', p?.reasons.map((r) => r.message).join('；') || '无'],
  ]);
  if (loan.recommendation) {
    report.heading('五、客户经理建议').keyValues([
      ['金额', yuan(loan.recommendation.amountFen)], ['年利率', rate(loan.recommendation.annualRateBp)], ['期限', `${loan.recommendation.termMonths} 个月`],
      ['条件', loan.recommendation.conditions.join('；') || '无'], ['意见', loan.recommendation.notes || '—'], ['经办人', `${loan.recommendation.by.username}（${day(loan.recommendation.at)}）`],
    ]);
  }
  report.note('金额以分为单位精确计算；估值与预审结果随所用规则、配置与引擎版本一并保存，可复算。');
  return report.toBuffer();
}

export function buildApprovalLetter({ loan, applicantName, bankName }: LoanDocumentContext): Promise<Buffer> {
  const offer = loan.recommendation!;
  const decision = loan.decision as { by: { username: string }; at: Date | string; note?: string } | null;
  const report = new ReportBuilder({
    title: '贷款审批通知书',
    subtitle: `${bankName} 致 ${applicantName}`,
    footer: `贷款编号 ${loan.id} · 审批人 ${decision?.by.username ?? '—'} · 经办人 ${offer.by.username}`,
    creationDate: decision ? new Date(decision.at) : new Date(loan.stateSince),
  });
  report.paragraph(`${applicantName}：经审查，我行同意向贵方发放生态资产抵质押贷款，具体条件如下。`);
  report.heading('贷款条件').keyValues([
    ['金额', yuan(offer.amountFen)], ['年利率', rate(offer.annualRateBp)], ['期限', `${offer.termMonths} 个月`],
    ['还款方式', `${methodNames[loan.repaymentMethod] ?? loan.repaymentMethod}，${frequencyNames[loan.frequency] ?? loan.frequency}`],
    ['用途', `${loan.purpose}（绿色分类 ${loan.taxonomyCode}）`], ['质押物', `${loan.assetIds.length} 项已核验生态资产，放款前办理质押登记`],
    ['担保', loan.guaranteeRequired ? `需政府性融资担保${loan.guaranteeId ? `（担保编号 ${loan.guaranteeId}）` : ''}` : '无'],
    ['附加条件', offer.conditions.join('；') || '无'], ['审批日期', day(decision?.at)],
  ]);
  report.note('本通知书在申请人接受要约且质押登记完成后生效；审批人与经办人分离（四眼原则）。');
  return report.toBuffer();
}

export function buildRepaymentSchedule({ loan, applicantName, bankName }: LoanDocumentContext): Promise<Buffer> {
  const s = loan.schedule as unknown as RepaymentSchedule;
  const report = new ReportBuilder({
    title: '还款计划表',
    subtitle: `${applicantName} · ${bankName} · 放款日 ${s.disbursementDate}`,
    footer: `贷款编号 ${loan.id} · ${s.convention}`,
    creationDate: loan.disbursedAt ? new Date(loan.disbursedAt) : new Date(loan.stateSince),
  });
  report.keyValues([
    ['本金', yuan(s.principalFen)], ['年利率', `${(s.annualRate * 100).toFixed(2)}%`], ['期限', `${s.termMonths} 个月`],
    ['方式', `${methodNames[s.method] ?? s.method}，${frequencyNames[s.frequency] ?? s.frequency}，计息 ${s.dayCount}`], ['到期日', s.maturityDate],
    ['利息合计', yuan(s.totals.interestFen)], ['本息合计', yuan(s.totals.totalFen)],
  ]);
  report.table(
    [{ header: '期次', width: 0.08, align: 'right' }, { header: '还款日', width: 0.16 }, { header: '天数', width: 0.08, align: 'right' }, { header: '本金', width: 0.17, align: 'right' }, { header: '利息', width: 0.15, align: 'right' }, { header: '合计', width: 0.17, align: 'right' }, { header: '剩余本金', width: 0.19, align: 'right' }],
    s.instalments.map((i) => [String(i.number), i.dueDate, String(i.days), yuan(i.principalFen), yuan(i.interestFen), yuan(i.totalFen), yuan(i.closingPrincipalFen)]),
  );
  report.note('金额单位：元，按分精确计算，半数取偶舍入；逾期部分按合同约定计收罚息。');
  return report.toBuffer();
}
