// Guarantee PDFs in Chinese: the guarantee letter (保函) and the compensation notice (代偿通知书),
// each built from the stored guarantee only.
import { formatYuan } from '@eco/scoring';
import type { Guarantee } from '../db/guarantees/guarantee.types.js';
import { ReportBuilder } from './pdf/report-builder.js';

const yuan = (fen: number | null | undefined): string => (fen === null || fen === undefined ? '—' : `¥${formatYuan(fen)}`);
const rate = (bp: number | null | undefined): string => (bp === null || bp === undefined ? '—' : `${(bp / 100).toFixed(2)}%`);
const share = (bp: number): string => `${bp / 100}%`;
const day = (d: Date | string | null | undefined): string => (d ? new Date(d).toISOString().slice(0, 10) : '—');

export interface GuaranteeDocumentContext {
  guarantee: Guarantee;
  guarantorName: string;
}

export function buildGuaranteeLetter({ guarantee: g, guarantorName }: GuaranteeDocumentContext): Promise<Buffer> {
  const letter = g.letter!;
  const rec = g.recommendation!;
  const report = new ReportBuilder({ title: '融资担保函', subtitle: `编号 ${letter.number}`, footer: `${guarantorName} · 担保规则 ${g.rulesVersion}`, creationDate: new Date(letter.issuedAt) });
  report.paragraph(`致 ${g.loan.bankName}：应借款人 ${g.loan.applicantName} 的申请，${guarantorName} 同意为其在贵行的贷款提供连带责任保证，担保范围与条件如下。`);
  report.heading('一、被担保贷款').keyValues([
    ['借款人', g.loan.applicantName], ['贷款银行', g.loan.bankName], ['贷款金额', yuan(g.loan.amountFen)], ['贷款期限', `${g.loan.termMonths} 个月`], ['用途', g.loan.purpose ?? '—'],
  ]);
  report.heading('二、担保').keyValues([
    ['担保金额', yuan(g.amountFen)], ['担保期间', `${letter.startDate} 至 ${letter.endDate}（${g.termDays} 天）`], ['代偿比例上限', share(rec.coverageRatioBp)],
    ['年化担保费率', `${rate(letter.annualFeeRateBp)}（建议 ${rate(rec.proposedFeeRateBp)}，生态信用等级优惠 ${rec.gradeDiscountBp} bp）`], ['担保费', yuan(letter.feeFen)],
  ]);
  report.heading('三、风险分担').table(
    [{ header: '分担方', width: 0.5 }, { header: '比例', width: 0.5, align: 'right' }],
    [['原担保机构', share(rec.riskShares.originalGuarantorBp)], ['再担保机构', share(rec.riskShares.reguarantorBp)], ['贷款银行', share(rec.riskShares.bankBp)], ['地方政府', share(rec.riskShares.localGovernmentBp)]],
  );
  report.heading('四、反担保').keyValues([['方式', g.counterGuarantee?.kind === 'ecological_assets' ? '生态资产质押' : '其他担保措施'], ['说明', g.counterGuarantee?.description ?? '—'], ['价值', yuan(g.counterGuarantee?.valueFen)]]);
  report.note(`审批：${g.decision?.by.username ?? '—'}（${day(g.decision?.at)}）；经办：${rec.by.username}。贷款逾期后，银行凭逾期证明、借款合同与催收记录申请代偿。`);
  return report.toBuffer();
}

export function buildCompensationNotice({ guarantee: g, guarantorName }: GuaranteeDocumentContext): Promise<Buffer> {
  const c = g.compensation!;
  const report = new ReportBuilder({ title: '代偿通知书', subtitle: `保函 ${g.letter?.number ?? g.id}`, footer: `${guarantorName} · 担保规则 ${g.rulesVersion}`, creationDate: new Date(c.at) });
  report.paragraph(`致 ${g.loan.bankName}：借款人 ${g.loan.applicantName} 的贷款已违约，经审核贵行的代偿申请，${guarantorName} 按风险分担比例履行代偿责任。`);
  report.keyValues([['代偿申请金额', yuan(c.amountFen)], ['向银行支付', yuan(c.paidToBankFen)], ['申请日期', day(g.claim?.claimedAt)], ['代偿日期', day(c.at)], ['再担保追偿截止', c.reguaranteeClaimBy]]);
  report.heading('风险分担（精确到分；尾差依次计入原担保机构、再担保机构、银行、地方政府）').table(
    [{ header: '分担方', width: 0.5 }, { header: '金额', width: 0.5, align: 'right' }],
    [['原担保机构', yuan(c.split.originalGuarantor)], ['再担保机构', yuan(c.split.reguarantor)], ['贷款银行（自担）', yuan(c.split.bank)], ['地方政府', yuan(c.split.localGovernment)]],
  );
  return report.toBuffer();
}
