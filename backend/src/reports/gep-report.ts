// The published GEP accounting report of a region and year, and the compensation settlement statement,
// as PDFs in Chinese.
import { formatYuan, type SettlementLine } from '@eco/scoring';
import type { AgreementView, SettlementView } from '../domain/compensation/compensation-service.js';
import type { PublicGepRun } from '../domain/gep/gep-service.js';
import { ReportBuilder } from './pdf/report-builder.js';

const yuan = (fen: number): string => `¥${formatYuan(fen)}`;
const categoryZh: Record<string, string> = { provisioning: '物质产品', regulating: '调节服务', cultural: '文化服务' };
const methodZh: Record<string, string> = { market_price: '市场价值法', replacement_cost: '替代成本法', shadow_engineering: '影子工程法', avoided_cost: '防护（避免）成本法', travel_cost: '旅行费用法' };
const stateZh: Record<string, string> = { PUBLISHED: '已发布', SUPERSEDED: '已被更正版本替代', PENDING_CONFIRMATION: '待双方确认', FINAL: '已确认（最终）', OBJECTED: '已提出异议' };
const partyZh = (p: string | null): string => (p === 'upstream' ? '上游' : p === 'downstream' ? '下游' : '—');

export function buildGepReportPdf(run: PublicGepRun): Promise<Buffer> {
  const name = (code: string) => run.services.find((s) => s.code === code)?.nameZh ?? code;
  const pdf = new ReportBuilder({
    title: `${run.region} ${run.year} 年生态产品总值（GEP）核算报告`,
    subtitle: `第 ${run.version} 版 · ${stateZh[run.state] ?? run.state}${run.changeNote ? ` · 更正说明：${run.changeNote}` : ''}`,
    footer: `核算参数版本 ${run.configVersion} · 报告编号 ${run.id}`,
    creationDate: new Date(run.publishedAt ?? 0),
  });
  const r = run.result;
  pdf.heading('一、核算结果').keyValues([
    ['GEP 总值', yuan(r.totalFen)], ['物质产品', yuan(r.byCategory.provisioning)], ['调节服务', yuan(r.byCategory.regulating)], ['文化服务', yuan(r.byCategory.cultural)],
    ['人均 GEP', yuan(r.perCapitaFen)], ['单位面积 GEP（每平方公里）', yuan(r.perKm2Fen)], ['GEP/GDP', r.gepToGdp],
    ['有数据的服务', `${r.coverage.withData} / ${r.coverage.expected}（${(r.coverage.shareBp / 100).toFixed(2)}%）`],
    ['常住人口', `${run.inputs.population} 人`], ['面积', `${run.inputs.areaKm2} 平方公里`], ['GDP', yuan(run.inputs.gdpFen)],
  ]);
  pdf.heading('二、分项核算（实物量 × 单价）').table(
    [{ header: '服务', width: 0.2 }, { header: '类别', width: 0.12 }, { header: '定价方法', width: 0.16 }, { header: '实物量', width: 0.2, align: 'right' }, { header: '单价（元）', width: 0.12, align: 'right' }, { header: '价值', width: 0.2, align: 'right' }],
    r.services.map((s) => [name(s.code), categoryZh[s.category] ?? s.category, methodZh[s.method] ?? s.method, `${s.quantity} ${s.unit}`, formatYuan(s.unitPriceFen), yuan(s.valueFen)]),
  );
  if (r.missing.length) pdf.note(`无数据、未核算的服务：${r.missing.map(name).join('、')}`);
  if (run.change) {
    const c = run.change;
    pdf.heading('三、与上年比较（实物量变化与价格变化分开）').keyValues([
      ['上年 GEP', yuan(c.previousTotalFen)], ['变化', yuan(c.valueChangeFen)], ['其中：实物量变化（按上年单价）', yuan(c.physicalEffectFen)], ['其中：价格变化', yuan(c.priceEffectFen)],
    ]).table(
      [{ header: '服务', width: 0.22 }, { header: '实物量变化', width: 0.26, align: 'right' }, { header: '实物量效应', width: 0.26, align: 'right' }, { header: '价格效应', width: 0.26, align: 'right' }],
      c.services.map((s) => [name(s.code), `${s.quantityChange} ${s.unit}`, yuan(s.physicalEffectFen), yuan(s.priceEffectFen)]),
    );
  }
  pdf.note('GEP 衡量生态系统的潜在价值，不是现金流；单价及其来源见核算参数版本。');
  return pdf.toBuffer();
}

const lineZh: Record<SettlementLine['code'], string> = { water_quality: '断面水质', water_quantity: '生态水量', gep_adjustment: 'GEP 调整', pool_cap: '以补偿资金池出资为限' };

export function buildSettlementStatementPdf(s: SettlementView, a: AgreementView): Promise<Buffer> {
  const pdf = new ReportBuilder({
    title: `${a.basin.nameZh} 横向生态保护补偿结算单（${s.period}）`,
    subtitle: `${a.upstreamName}（上游） — ${a.downstreamName}（下游） · ${stateZh[s.state] ?? s.state}`,
    footer: `协议 ${a.title} · 结算编号 ${s.id} · 第 ${s.round} 次`,
    creationDate: new Date(s.stateSince),
  });
  const q = s.result.qualityIndex;
  if (q) {
    pdf.heading('一、断面水质指数 P = K0 × Σ kᵢ × Cᵢ / Cᵢ₀').keyValues([['K0', q.k0], ['P', q.index], ['是否达标（P ≤ 1）', q.met ? '达标' : '未达标']]).table(
      [{ header: '指标', width: 0.2 }, { header: '期间均值 Cᵢ', width: 0.2, align: 'right' }, { header: '基准 Cᵢ₀', width: 0.2, align: 'right' }, { header: '权重 kᵢ', width: 0.2, align: 'right' }, { header: 'kᵢ×Cᵢ/Cᵢ₀', width: 0.2, align: 'right' }],
      q.terms.map((t) => [t.code, t.mean, t.baseline, t.weight, t.weighted]),
    );
  }
  pdf.heading('二、逐项计算').table(
    [{ header: '项目', width: 0.22 }, { header: '支付方', width: 0.12 }, { header: '收款方', width: 0.12 }, { header: '金额', width: 0.2, align: 'right' }, { header: '依据', width: 0.34 }],
    s.result.lines.map((l) => [lineZh[l.code], partyZh(l.payer), partyZh(l.payee), yuan(l.amountFen), Object.entries(l.basis).map(([k, v]) => `${k}=${String(v)}`).join('; ')]),
  );
  pdf.heading('三、结算结果').keyValues([
    ['支付方', s.result.payer === 'upstream' ? a.upstreamName : s.result.payer === 'downstream' ? a.downstreamName : '无需支付'],
    ['收款方', s.result.payee === 'upstream' ? a.upstreamName : s.result.payee === 'downstream' ? a.downstreamName : '—'],
    ['金额', yuan(s.result.amountFen)],
    ['异议截止', new Date(s.objectionDeadline).toISOString().slice(0, 10)],
    ['上游确认', s.confirmations.upstream ? `${s.confirmations.upstream.username} ${new Date(s.confirmations.upstream.at).toISOString().slice(0, 10)}` : '未确认'],
    ['下游确认', s.confirmations.downstream ? `${s.confirmations.downstream.username} ${new Date(s.confirmations.downstream.at).toISOString().slice(0, 10)}` : '未确认'],
    ...(s.objection ? [['异议', `${partyZh(s.objection.party ?? null)}：${s.objection.reason ?? ''}`] as [string, string]] : []),
  ]);
  return pdf.toBuffer();
}
