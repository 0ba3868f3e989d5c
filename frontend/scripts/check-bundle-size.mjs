#!/usr/bin/env node
// Run at the end of `npm run build -w frontend`: the initial bundle of the production build (the
// scripts and styles index.html loads at once: entry scripts, module preloads, stylesheets), gzip-
// compressed (level 9) file by file and summed. Prints it and fails the build above the budget.
// BUNDLE_BUDGET_KB changes the budget (default 350 kB, issue 11).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Buffer } from 'node:buffer';
import { gzipSync } from 'node:zlib';

const budgetKb = Number(process.env.BUNDLE_BUDGET_KB ?? 350);
const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'browser');
const indexFile = join(dist, 'index.html');
if (!existsSync(indexFile)) {
  console.error(`check-bundle-size: ${indexFile} is missing; run the production build first`);
  process.exit(1);
}
const html = readFileSync(indexFile, 'utf8');
const files = new Set();
for (const m of html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)) files.add(m[1]);
for (const m of html.matchAll(/<link[^>]*rel="(?:modulepreload|stylesheet)"[^>]*href="([^"]+)"/g)) files.add(m[1]);
for (const m of html.matchAll(/<link[^>]*href="([^"]+)"[^>]*rel="(?:modulepreload|stylesheet)"/g)) files.add(m[1]);
const local = [...files].filter((f) => !/^[a-z]+:\/\//i.test(f) && !f.startsWith('//')).map((f) => f.replace(/^\.?\//, ''));
// Static imports of the initial scripts are initial too (module preloads normally list them all).
for (let i = 0; i < local.length; i++) {
  if (!local[i].endsWith('.js')) continue;
  const code = readFileSync(join(dist, local[i]), 'utf8');
  for (const m of code.matchAll(/(?:\bimport|\bexport)\s*(?:[\w*${}\s,]+from\s*)?["']\.\/([^"']+\.js)["']/g)) if (!local.includes(m[1])) local.push(m[1]);
}
// Inline <style> blocks count too (critical CSS, if ever enabled).
const inline = [...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]).join('');
const rows = local.map((f) => {
  const bytes = readFileSync(join(dist, f));
  return { file: f, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
});
if (inline) rows.push({ file: '(inline styles)', raw: Buffer.byteLength(inline), gzip: gzipSync(inline, { level: 9 }).length });
const kb = (n) => (n / 1000).toFixed(1);
const total = rows.reduce((a, r) => ({ raw: a.raw + r.raw, gzip: a.gzip + r.gzip }), { raw: 0, gzip: 0 });
for (const r of rows.sort((a, b) => b.gzip - a.gzip)) console.log(`  ${r.file.padEnd(28)} ${kb(r.raw).padStart(8)} kB raw  ${kb(r.gzip).padStart(7)} kB gzip`);
const over = total.gzip > budgetKb * 1000;
console.log(`initial bundle: ${rows.length} files, ${kb(total.raw)} kB raw, ${kb(total.gzip)} kB gzip (budget ${budgetKb} kB gzip): ${over ? 'OVER BUDGET' : 'within budget'}`);
if (over) process.exit(1);
