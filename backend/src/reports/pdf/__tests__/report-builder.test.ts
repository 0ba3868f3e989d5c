import { describe, expect, test } from '@jest/globals';
import { ReportBuilder } from '../report-builder.js';

describe('PDF reports', () => {
  test('embed a subset of Noto Sans SC and write Chinese text, with nothing taken from the system', async () => {
    const pdf = await new ReportBuilder({ title: '生态信用报告', subtitle: '喀什 · 阿依古丽·买买提', footer: '规则集 individual@2026.1', creationDate: new Date('2026-11-29T00:00:00Z') })
      .heading('等级与权益')
      .keyValues([['等级', '深绿'], ['贷款利率优惠', '30 个基点']])
      .table([{ header: '规则', width: 0.6 }, { header: '积分', width: 0.4, align: 'right' }], [['绿色出行', '12.50'], ['垃圾分类', '8.00']])
      .note('本报告由平台根据规则集自动生成。')
      .toBuffer();
    const text = pdf.toString('latin1');
    expect(text.startsWith('%PDF-1.3')).toBe(true);
    expect(text).toMatch(/\/FontFile2/); // an embedded TrueType font
    expect(text).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansSC-Regular/); // subset of the packaged font
    expect(text).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansSC-Bold/);
    expect(pdf.length).toBeLessThan(200_000); // subsetting keeps it small
    expect(text.match(/\/Type \/Page\b/g)).toHaveLength(1); // the footer does not spill onto a page of its own
  });

  test('the same content gives the same size (reproducible output)', async () => {
    const make = () => new ReportBuilder({ title: '估值报告', footer: 'x', creationDate: new Date('2026-11-29T00:00:00Z') }).paragraph('塔里木河 水权').toBuffer();
    expect((await make()).length).toBe((await make()).length);
  });

  test('long tables flow onto further pages', async () => {
    const rows = Array.from({ length: 120 }, (_, i) => [`第 ${i + 1} 行`, String(i)]);
    const pdf = await new ReportBuilder({ title: '明细', footer: 'x', creationDate: new Date('2026-11-29T00:00:00Z') })
      .table([{ header: '项目', width: 0.7 }, { header: '值', width: 0.3 }], rows).toBuffer();
    const pages = pdf.toString('latin1').match(/\/Type \/Page\b/g)?.length ?? 0;
    expect(pages).toBeGreaterThanOrEqual(3);
  });
});
