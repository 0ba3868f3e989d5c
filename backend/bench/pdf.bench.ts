// npm run bench -- pdf
// Valuation-report PDF generation (the report of a demo valuation: asset, method, inputs with
// sources, value and range, haircuts, lending value, warnings — Noto Sans SC embedded) against a
// minimal pdfkit page with one line of Chinese text in the same font, in the same process and run.
// Prints the median and p90 of both and the ratio (target: report ≤ 5 × minimal page). Figures only.
import { performance } from 'node:perf_hooks';
import PDFDocument from 'pdfkit';
import { seedDemoIfEmpty } from '../src/demo/seed-demo.js';
import { fonts } from '../src/reports/pdf/fonts.js';
import { buildValuationReport } from '../src/reports/valuation-report.js';
import { recordRatio } from '../../scoring/bench/bench-results.js';
import { fmt, startBenchPlatform } from './bench-platform.js';

const quick = process.env['BENCH_QUICK'] === '1';
const RUNS = Number(process.env['BENCH_RUNS'] ?? (quick ? 15 : 60));
const WARMUP = 3;

function minimalPage(): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', info: { CreationDate: new Date(Date.UTC(2026, 10, 29)) } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.registerFont('regular', fonts.regular);
    doc.font('regular').fontSize(12).text('生态资产估值报告');
    doc.end();
  });
}

async function time(step: () => Promise<Buffer>): Promise<{ samples: number[]; bytes: number }> {
  let bytes = 0;
  for (let i = 0; i < WARMUP; i++) await step();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    bytes = (await step()).length;
    samples.push(performance.now() - t0);
  }
  return { samples: samples.sort((a, b) => a - b), bytes };
}
const at = (s: number[], q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))]!;

const bench = await startBenchPlatform({ POINTS_DEMO: 'none' });
const { platform } = bench;
await seedDemoIfEmpty(platform);
const doc = await platform.connection.db!.collection('valuations').findOne({}, { sort: { _id: 1 } });
if (!doc) throw new Error('the demo has no valuation');
const valuation = (await platform.repositories.valuations.findById(String(doc['_id'])))!;
const asset = (await platform.repositories.assets.findById(valuation.assetId))!;
const owner = await platform.repositories.subjects.findByIdUnscoped(asset.subjectId);

const report = await time(() => buildValuationReport(valuation, asset, owner?.name ?? asset.subjectId));
const minimal = await time(minimalPage);
console.log(`engine ${bench.engine}; ${RUNS} runs each after ${WARMUP} warm-up; valuation ${valuation.id} (${asset.assetType})`);
console.log(`valuation report      median ${fmt(at(report.samples, 0.5), 1)} ms   p90 ${fmt(at(report.samples, 0.9), 1)} ms   ${fmt(report.bytes / 1024, 1)} KB`);
console.log(`minimal pdfkit page   median ${fmt(at(minimal.samples, 0.5), 1)} ms   p90 ${fmt(at(minimal.samples, 0.9), 1)} ms   ${fmt(minimal.bytes / 1024, 1)} KB (one line, same font)`);
const r = recordRatio('pdf', 'median generation time', 'ms', at(report.samples, 0.5), 'minimal pdfkit page, same font', at(minimal.samples, 0.5), '≤ 5×', {
  runs: RUNS, p90: at(report.samples, 0.9), baselineP90: at(minimal.samples, 0.9), reportBytes: report.bytes, minimalBytes: minimal.bytes,
});
console.log(`ratio report/minimal: ${fmt(r.ratio, 2)}× (target ≤ 5×: ${r.met ? 'met' : 'NOT met'})`);
await bench.stop();
