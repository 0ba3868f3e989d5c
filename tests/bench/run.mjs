#!/usr/bin/env node
// npm run bench [-- [--quick] <name>…]   runs <workspace>/bench/<name>.bench.ts for each name (all when
// none given). Each benchmark prints its figure, its baseline measured in the same run and the ratio,
// and appends them as JSON lines to the file named by BENCH_RESULTS; this script gathers them into
// bench-results/<timestamp>.json and bench-results/latest.json (git-ignored) so runs can be compared.
// --quick shortens every benchmark (smaller data, shorter load) for a smoke run.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const places = ['scoring', 'backend', 'tests'].map((w) => join(root, w, 'bench'));
const available = new Map();
for (const dir of places) {
  if (!existsSync(dir)) continue;
  for (const f of readdirSync(dir)) if (f.endsWith('.bench.ts')) available.set(f.replace('.bench.ts', ''), join(dir, f));
}
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const wanted = args.filter((a) => !a.startsWith('--'));
const names = wanted.length ? wanted : [...available.keys()].sort();

// Quick mode: smaller sizes and shorter loads, unless the caller set them.
const quickEnv = { BENCH_QUICK: '1', BENCH_SUBJECTS: '10000', BENCH_EVENTS: '100000', BENCH_REQUESTS: '20000', BENCH_SCHEDULES: '20000', BENCH_RUNS: '100', BENCH_SECONDS: '4', BENCH_POINTS_SUBJECTS: '20000' };
const env = { ...process.env };
if (quick) for (const [k, v] of Object.entries(quickEnv)) env[k] ??= v;
const resultsFile = join(tmpdir(), `eco-bench-${process.pid}.jsonl`);
rmSync(resultsFile, { force: true });
env.BENCH_RESULTS = resultsFile;

const startedAt = new Date();
const runs = [];
let failed = 0;
for (const name of names) {
  const file = available.get(name);
  if (!file) {
    console.error(`unknown benchmark "${name}"; available: ${[...available.keys()].sort().join(', ') || 'none'}`);
    failed++;
    runs.push({ name, status: 'unknown' });
    continue;
  }
  console.log(`\n=== bench ${name} (${file.slice(root.length + 1)})${quick ? ' — quick' : ''} ===`);
  const t0 = Date.now();
  // mixed-load overrides BENCH_SECONDS itself in quick mode (its default is 60 s).
  const benchEnv = name === 'mixed-load' && quick && !process.env.BENCH_SECONDS ? { ...env, BENCH_SECONDS: '12' } : env;
  const r = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', file], { stdio: 'inherit', cwd: root, env: benchEnv });
  if (r.status !== 0) failed++;
  runs.push({ name, status: r.status === 0 ? 'ok' : `exit ${r.status}`, seconds: Math.round((Date.now() - t0) / 100) / 10 });
}

const results = existsSync(resultsFile) ? readFileSync(resultsFile, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l)) : [];
rmSync(resultsFile, { force: true });
const outDir = join(root, 'bench-results');
mkdirSync(outDir, { recursive: true });
const report = {
  startedAt: startedAt.toISOString(), finishedAt: new Date().toISOString(), quick,
  machine: { node: process.version, cpus: cpus().length, cpuModel: cpus()[0]?.model ?? null, memoryGb: Math.round(totalmem() / 2 ** 30) },
  runs, results,
};
const stamp = startedAt.toISOString().replace(/[:.]/g, '-');
writeFileSync(join(outDir, `${stamp}.json`), `${JSON.stringify(report, null, 2)}\n`);
writeFileSync(join(outDir, 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);

console.log('\n=== summary ===');
const pad = (s, n) => String(s).padEnd(n);
for (const r of results) {
  const target = r.target ? `${r.target} ${r.met ? 'met' : 'NOT met'}` : '';
  console.log(`${pad(r.bench, 11)} ${pad(r.metric, 34)} ${pad(`${round(r.figure)} ${r.unit}`, 20)} vs ${pad(`${round(r.baseline)} (${r.baselineName})`, 48)} ratio ${pad(round(r.ratio), 8)} ${target}`);
}
console.log(`written to bench-results/${stamp}.json and bench-results/latest.json`);
process.exit(failed ? 1 : 0);

function round(n) {
  if (typeof n !== 'number') return String(n);
  return Math.abs(n) >= 100 ? n.toFixed(0) : Math.abs(n) >= 1 ? n.toFixed(2) : n.toFixed(3);
}
