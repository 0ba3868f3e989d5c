// The valuation report PDF: asset, method and why, inputs with their sources, value and range,
// confidence, haircuts, lending value, maximum loan and warnings — in Chinese, Noto Sans SC embedded.
import type { Asset } from '../db/assets/asset.types.js';
import type { Valuation } from '../db/valuations/valuation.repository.js';
import { ReportBuilder } from './pdf/report-builder.js';
import { assetTypeNames, confidenceNames, percent, purposeNames, sourceNames, valueTypeNames, yuan } from './valuation-labels.js';

const inputValue = (value: unknown): string => (typeof value === 'object' ? JSON.stringify(value) : String(value));

export function buildValuationReport(valuation: Valuation, asset: Asset, ownerName: string): Promise<Buffer> {
  const r = valuation.result;
  const report = new ReportBuilder({
    title: '生态资产估值报告',
    subtitle: `${asset.name} · ${assetTypeNames[asset.assetType]} · 估值基准日 ${valuation.valuationDate}`,
    footer: `估值编号 ${valuation.id} · 配置 ${valuation.configVersion} · 引擎 ${valuation.engineVersion}`,
    creationDate: valuation.valuedAt,
  });
  report.heading('一、资产').keyValues([
    ['资产名称', asset.name], ['类型', assetTypeNames[asset.assetType] ?? asset.assetType], ['证书/许可编号', asset.certificateNumber],
    ['权利人', ownerName], ['登记状态', asset.state], ['附件（SHA-256）', asset.documents.map((d) => `${d.filename} ${d.sha256.slice(0, 16)}…`).join('\n') || '—'],
  ]);
  report.heading('二、估值方法').keyValues([
    ['方法', r.method], ['选择理由', r.methodReason], ['说明', r.methodDescription], ['价值类型', valueTypeNames[r.valueType] ?? r.valueType], ['估值目的', purposeNames[valuation.purpose] ?? valuation.purpose],
  ]);
  report.heading('三、输入参数及来源').table(
    [{ header: '参数', width: 0.3 }, { header: '取值', width: 0.3 }, { header: '单位', width: 0.2 }, { header: '来源', width: 0.2 }],
    Object.entries(r.inputs).map(([name, input]) => [name, inputValue(input.value), input.unit, input.configPath ? `${sourceNames[input.source]} ${input.configPath}` : sourceNames[input.source] ?? input.source]),
  );
  if (valuation.priceSources.length > 0) {
    report.heading('市场价格').table(
      [{ header: '价格序列', width: 0.3 }, { header: '日期', width: 0.15 }, { header: '价格', width: 0.2, align: 'right' }, { header: '来源', width: 0.35 }],
      valuation.priceSources.map((p) => [p.reference, p.date, `${yuan(p.priceFen)} (${p.unit})`, `${p.source}；用于 ${p.role}`]),
    );
  }
  report.heading('四、估值结果').keyValues([
    ['评估价值', yuan(r.valueFen)], ['价值区间', `${yuan(r.range.lowFen)} – ${yuan(r.range.highFen)}（${r.range.basis}）`],
    ['置信度', `${confidenceNames[r.confidence.grade]}：${r.confidence.reasons.join('；')}`],
    ['折扣（市场/流动性/法律/物理）', `${percent(r.haircut.market)} / ${percent(r.haircut.liquidity)} / ${percent(r.haircut.legal)} / ${percent(r.haircut.physical)}，合计 ${percent(r.haircut.total)}`],
    ['可贷价值', yuan(r.lendingValueFen)], ['质押率', percent(r.pledgeRate)], ['最高贷款额', yuan(r.maxLoanFen)], ['最长期限', `${r.maxTermYears} 年`],
  ]);
  report.heading('五、提示').paragraph(r.warnings.length ? r.warnings.map((w) => `· ${w.message}`).join('\n') : '无');
  report.note('本报告由平台估值引擎按记录的请求、配置版本和引擎版本生成，可随时复算；金额以分为单位精确计算，半数取偶舍入。');
  return report.toBuffer();
}
