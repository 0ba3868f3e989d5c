// A small vocabulary for the platform's PDF reports (credit report, valuation report, loan
// documents…): headings, key-value blocks, tables and notes, in Noto Sans SC, A4.
import PDFDocument from 'pdfkit';
import { fonts } from './fonts.js';

export interface ReportHeader {
  title: string;
  subtitle?: string;
  /** Printed in the footer of every page, e.g. "生成时间 2026-11-29 10:00 · 规则集 individual@2026.1". */
  footer: string;
  /** Document metadata; `creationDate` fixes the PDF's own timestamp (reproducible output). */
  creationDate: Date;
  author?: string;
}

export interface TableColumn {
  header: string;
  /** Share of the usable width (the shares of a table's columns add up to 1). */
  width: number;
  align?: 'left' | 'right' | 'center';
}

const margin = 50;
const colours = { ink: '#1b1f1d', muted: '#5b665f', rule: '#c9d3cc', accent: '#2e6b3f', band: '#eef4ef' };

export class ReportBuilder {
  private readonly doc: PDFKit.PDFDocument;
  private readonly chunks: Buffer[] = [];
  private readonly done: Promise<Buffer>;

  constructor(private readonly header: ReportHeader) {
    this.doc = new PDFDocument({
      size: 'A4',
      margins: { top: margin, bottom: margin + 20, left: margin, right: margin },
      bufferPages: true,
      info: { Title: header.title, Author: header.author ?? '生态产品价值实现服务平台', CreationDate: header.creationDate },
    });
    this.doc.registerFont('regular', fonts.regular);
    this.doc.registerFont('bold', fonts.bold);
    this.doc.on('data', (c: Buffer) => this.chunks.push(c));
    this.done = new Promise((resolve, reject) => {
      this.doc.on('end', () => resolve(Buffer.concat(this.chunks)));
      this.doc.on('error', reject);
    });
    this.doc.font('bold').fontSize(18).fillColor(colours.accent).text(header.title);
    if (header.subtitle) this.doc.font('regular').fontSize(10).fillColor(colours.muted).text(header.subtitle);
    this.rule();
  }

  private get width(): number {
    return this.doc.page.width - margin * 2;
  }

  private rule(): void {
    const y = this.doc.y + 4;
    this.doc.moveTo(margin, y).lineTo(margin + this.width, y).lineWidth(0.6).strokeColor(colours.rule).stroke();
    this.doc.y = y + 8;
  }

  heading(text: string): this {
    this.doc.moveDown(0.6).font('bold').fontSize(13).fillColor(colours.ink).text(text, margin);
    this.doc.moveDown(0.2);
    return this;
  }

  paragraph(text: string): this {
    this.doc.font('regular').fontSize(10).fillColor(colours.ink).text(text, margin, undefined, { width: this.width });
    this.doc.moveDown(0.3);
    return this;
  }

  note(text: string): this {
    this.doc.font('regular').fontSize(8.5).fillColor(colours.muted).text(text, margin, undefined, { width: this.width });
    this.doc.moveDown(0.3);
    return this;
  }

  /** Label–value pairs in two columns. */
  keyValues(rows: readonly (readonly [string, string])[]): this {
    const labelWidth = this.width * 0.32;
    for (const [label, value] of rows) {
      this.ensureSpace(16);
      const y = this.doc.y;
      this.doc.font('regular').fontSize(9.5).fillColor(colours.muted).text(label, margin, y, { width: labelWidth });
      const labelBottom = this.doc.y;
      this.doc.font('regular').fontSize(10).fillColor(colours.ink).text(value, margin + labelWidth, y, { width: this.width - labelWidth });
      this.doc.y = Math.max(labelBottom, this.doc.y) + 2;
    }
    this.doc.x = margin;
    return this;
  }

  /** A table with a shaded header row; long tables continue on the next page with the header repeated. */
  table(columns: readonly TableColumn[], rows: readonly (readonly string[])[]): this {
    const widths = columns.map((c) => c.width * this.width);
    const drawRow = (cells: readonly string[], bold: boolean) => {
      const heights = cells.map((cell, i) => this.doc.font(bold ? 'bold' : 'regular').fontSize(9).heightOfString(cell, { width: widths[i]! - 6 }));
      const height = Math.max(...heights) + 6;
      if (this.ensureSpace(height) && !bold) drawRow(columns.map((c) => c.header), true);
      const y = this.doc.y;
      if (bold) this.doc.rect(margin, y, this.width, height).fill(colours.band);
      let x = margin;
      cells.forEach((cell, i) => {
        this.doc.font(bold ? 'bold' : 'regular').fontSize(9).fillColor(colours.ink)
          .text(cell, x + 3, y + 3, { width: widths[i]! - 6, align: columns[i]!.align ?? 'left' });
        x += widths[i]!;
      });
      this.doc.moveTo(margin, y + height).lineTo(margin + this.width, y + height).lineWidth(0.4).strokeColor(colours.rule).stroke();
      this.doc.y = y + height;
    };
    drawRow(columns.map((c) => c.header), true);
    for (const row of rows) drawRow(row, false);
    this.doc.x = margin;
    this.doc.moveDown(0.4);
    return this;
  }

  /** Starts a new page when fewer than `height` points remain; says whether it did. */
  private ensureSpace(height: number): boolean {
    if (this.doc.y + height <= this.doc.page.height - margin - 20) return false;
    this.doc.addPage();
    return true;
  }

  /** Finishes the document (page numbers and footer on every page) and returns its bytes. */
  async toBuffer(): Promise<Buffer> {
    const range = this.doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      this.doc.switchToPage(i);
      // Writing inside the bottom margin would make pdfkit start a new page: lift the margin first.
      this.doc.page.margins.bottom = 0;
      const y = this.doc.page.height - margin;
      this.doc.font('regular').fontSize(8).fillColor(colours.muted)
        .text(`${this.header.footer}    ${i + 1} / ${range.count}`, margin, y, { width: this.width, align: 'center', lineBreak: false });
    }
    this.doc.end();
    return this.done;
  }
}
