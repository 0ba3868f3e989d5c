// npm run bench -- points-api
// The citizen summary endpoint (auth + tenant check + one snapshot read; the signed-in user is
// re-read at most every AUTH_PRINCIPAL_CACHE_SECONDS) under concurrent load on
// loopback, against a bare Koa route doing one indexed findOne on the same server, same run.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { Context, Next } from 'koa';
import { seedDemoIfEmpty } from '../src/demo/seed-demo.js';
import { createApp } from '../src/http/app.js';
import { recordRatio } from '../../scoring/bench/bench-results.js';
import { fmt, startBenchPlatform } from './bench-platform.js';

const concurrency = Number(process.env['BENCH_CONCURRENCY'] ?? 32);
const seconds = Number(process.env['BENCH_SECONDS'] ?? 8);

interface Figures {
  requests: number;
  perSecond: number;
  p50: number;
  p99: number;
}

async function load(url: string, headers: Record<string, string>): Promise<Figures> {
  const latencies: number[] = [];
  const end = performance.now() + seconds * 1000;
  const worker = async () => {
    while (performance.now() < end) {
      const started = performance.now();
      const res = await fetch(url, { headers });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
      latencies.push(performance.now() - started);
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsed = (performance.now() - t0) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!;
  return { requests: latencies.length, perSecond: latencies.length / elapsed, p50: at(0.5), p99: at(0.99) };
}

// AUTH_PRINCIPAL_CACHE_SECONDS=0 measures the summary with the user re-read on every request.
const principalCacheSeconds = process.env['AUTH_PRINCIPAL_CACHE_SECONDS'] ?? '5';
const bench = await startBenchPlatform({ POINTS_DEMO: 'accounts', AUTH_PRINCIPAL_CACHE_SECONDS: principalCacheSeconds });
const { platform } = bench;
await seedDemoIfEmpty(platform);
const citizen = (await platform.repositories.users.findByUsername('citizen'))!;
const subjectId = String(citizen.subjectId);
const snapshots = platform.connection.db!.collection('points_snapshots');

const app = createApp(platform, { serveWebApp: false });
app.middleware.unshift(async (ctx: Context, next: Next) => {
  if (ctx.path !== '/bench/bare') return next();
  ctx.body = await snapshots.findOne({ subjectId });
});
const server: Server = await new Promise((resolve) => {
  const s = app.listen(0, '127.0.0.1', () => resolve(s));
});
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: 'citizen', password: 'EcoDemo2026' }) });
const token = ((await login.json()) as { accessToken: string }).accessToken;

console.log(`engine ${bench.engine}; ${concurrency} concurrent clients, ${seconds} s per target, loopback; principal cache ${principalCacheSeconds} s`);
await load(`${base}/bench/bare`, {}); // warm-up
const bare = await load(`${base}/bench/bare`, {});
const summary = await load(`${base}/api/points/subjects/${subjectId}`, { Authorization: `Bearer ${token}` });
for (const [name, f] of [['bare Koa findOne', bare], ['GET /api/points/subjects/:id', summary]] as const) {
  console.log(`${name.padEnd(30)} ${fmt(f.requests).padStart(8)} requests  ${fmt(f.perSecond, 1).padStart(9)} req/s  p50 ${fmt(f.p50, 2)} ms  p99 ${fmt(f.p99, 2)} ms`);
}
console.log(`throughput ratio summary/bare: ${fmt(summary.perSecond / bare.perSecond, 2)}× (target ≥ 0.6×)`);
console.log(`p99 ratio summary/bare:        ${fmt(summary.p99 / bare.p99, 2)}× (target ≤ 3×)`);
recordRatio('points-api', 'throughput', 'req/s', summary.perSecond, 'bare Koa findOne', bare.perSecond, '≥ 0.6×', { concurrency, seconds, principalCacheSeconds: Number(principalCacheSeconds) });
recordRatio('points-api', 'p99 latency', 'ms', summary.p99, 'bare Koa findOne', bare.p99, '≤ 3×', { p50: summary.p50, baselineP50: bare.p50 });
server.closeAllConnections();
server.close();
await bench.stop();
