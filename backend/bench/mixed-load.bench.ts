// npm run bench -- mixed-load
// 60 s of mixed load on loopback against the platform with the full demo: citizens reading their
// points summary, bank officers listing their loan queues, data partners ingesting small batches of
// events (each with its own Idempotency-Key). Before it, the baseline: a bare Koa route doing one
// indexed findOne on the same server, same run, same concurrency. Prints throughput, p50/p99 per
// kind and overall, errors (target 0) and memory growth of the server process from the end of the
// warm-up to the end of the load (RSS and heap after a GC; target < 10 %). Figures only.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { Context, Next } from 'koa';
import { seedDemoIfEmpty } from '../src/demo/seed-demo.js';
import { createApp } from '../src/http/app.js';
import { recordFigure, recordRatio } from '../../scoring/bench/bench-results.js';
import { fmt, startBenchPlatform } from './bench-platform.js';

const quick = process.env['BENCH_QUICK'] === '1';
const seconds = Number(process.env['BENCH_SECONDS'] ?? (quick ? 12 : 60));
const baselineSeconds = Math.min(10, seconds);
const concurrency = Number(process.env['BENCH_CONCURRENCY'] ?? 32);
const gc = (globalThis as { gc?: () => void }).gc;

interface Sample { kind: string; ms: number; ok: boolean; status: number }

const bench = await startBenchPlatform({ POINTS_DEMO: 'full' });
const { platform } = bench;
await seedDemoIfEmpty(platform);
const db = platform.connection.db!;
const citizenUsers = ['citizen', 'citizen2'];
const officers = ['bank.officer', 'bosten.officer', 'ebinur.officer'];
const partnerKeys = ['eco_demo_urumqi_bus_2026_key', 'eco_demo_urumqi_metro_2026_key'];
const population = (await db.collection('points_snapshots').find({ subjectType: 'individual' }, { projection: { subjectId: 1 } }).toArray()).map((d) => String(d['subjectId']));
const anySnapshotSubject = population[0]!;
const snapshots = db.collection('points_snapshots');

const app = createApp(platform, { serveWebApp: false });
app.middleware.unshift(async (ctx: Context, next: Next) => {
  if (ctx.path !== '/bench/bare') return next();
  ctx.body = await snapshots.findOne({ subjectId: anySnapshotSubject });
});
const server: Server = await new Promise((resolve) => {
  const s = app.listen(0, '127.0.0.1', () => resolve(s));
});
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

async function login(username: string): Promise<{ token: string; subjectId: string | undefined }> {
  const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username, password: 'EcoDemo2026' }) });
  const body = (await res.json()) as { accessToken: string };
  const user = await platform.repositories.users.findByUsername(username);
  return { token: body.accessToken, subjectId: user?.subjectId ? String(user.subjectId) : undefined };
}
const citizens = await Promise.all(citizenUsers.map(login));
const banks = await Promise.all(officers.map(login));

let seq = 0;
/** One request of the mix: 60 % citizens' summaries, 25 % bank queues, 15 % partner batches of 20 events. */
function nextRequest(): { kind: string; url: string; init: RequestInit } {
  const n = seq++;
  const slot = n % 20;
  if (slot < 12) {
    const c = citizens[n % citizens.length]!;
    return { kind: 'citizen summary', url: `${base}/api/points/subjects/${c.subjectId}`, init: { headers: { Authorization: `Bearer ${c.token}` } } };
  }
  if (slot < 17) {
    const b = banks[n % banks.length]!;
    return { kind: 'bank queue', url: `${base}/api/loans?limit=20`, init: { headers: { Authorization: `Bearer ${b.token}` } } };
  }
  const now = Date.now();
  const events = Array.from({ length: 20 }, (_, k) => ({
    partnerEventId: `mixed-${n}-${k}`, subjectId: population[(n * 20 + k) % population.length]!, type: 'bus_ride', occurredAt: new Date(now - ((n * 7 + k) % 30) * 86_400_000).toISOString(), quantity: 1,
  }));
  return {
    kind: 'partner ingest',
    url: `${base}/api/points/partner/events`,
    init: { method: 'POST', headers: { Authorization: `ApiKey ${partnerKeys[n % partnerKeys.length]}`, 'Idempotency-Key': `mixed-load-${n}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ events }) },
  };
}

async function load(durationS: number, pick: () => { kind: string; url: string; init: RequestInit }): Promise<{ samples: Sample[]; elapsed: number }> {
  const samples: Sample[] = [];
  const end = performance.now() + durationS * 1000;
  const worker = async () => {
    while (performance.now() < end) {
      const { kind, url, init } = pick();
      const t0 = performance.now();
      let status = 0;
      try {
        const res = await fetch(url, init);
        await res.arrayBuffer();
        status = res.status;
      } catch {
        status = 0;
      }
      samples.push({ kind, ms: performance.now() - t0, ok: status >= 200 && status < 300, status });
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { samples, elapsed: (performance.now() - t0) / 1000 };
}

const stats = (samples: Sample[], elapsed: number) => {
  const ms = samples.map((s) => s.ms).sort((a, b) => a - b);
  const at = (q: number) => ms[Math.min(ms.length - 1, Math.floor(q * ms.length))] ?? 0;
  return { requests: samples.length, perSecond: samples.length / elapsed, p50: at(0.5), p99: at(0.99), errors: samples.filter((s) => !s.ok).length };
};
const memory = () => {
  gc?.();
  const m = process.memoryUsage();
  return { rss: m.rss, heapUsed: m.heapUsed };
};

console.log(`engine ${bench.engine}; ${concurrency} concurrent clients on loopback; baseline ${baselineSeconds} s, mixed load ${seconds} s; ${population.length} citizens in the demo${gc ? '' : ' (no --expose-gc: memory figures without a forced GC)'}`);
await load(2, () => ({ kind: 'bare', url: `${base}/bench/bare`, init: {} })); // warm-up
const bareRun = await load(baselineSeconds, () => ({ kind: 'bare', url: `${base}/bench/bare`, init: {} }));
const bare = stats(bareRun.samples, bareRun.elapsed);
await load(Math.min(5, seconds / 4), nextRequest); // warm-up of the mix (JIT, caches, connection pool)
const before = memory();
const mixedRun = await load(seconds, nextRequest);
const after = memory();
const mixed = stats(mixedRun.samples, mixedRun.elapsed);
const line = (name: string, f: ReturnType<typeof stats>) =>
  console.log(`${name.padEnd(22)} ${fmt(f.requests).padStart(8)} requests  ${fmt(f.perSecond, 1).padStart(8)} req/s  p50 ${fmt(f.p50, 2).padStart(7)} ms  p99 ${fmt(f.p99, 2).padStart(8)} ms  errors ${f.errors}`);
line('bare Koa findOne', bare);
line('mixed load (all)', mixed);
const byKind: Record<string, ReturnType<typeof stats>> = {};
for (const kind of ['citizen summary', 'bank queue', 'partner ingest']) {
  byKind[kind] = stats(mixedRun.samples.filter((s) => s.kind === kind), mixedRun.elapsed);
  line(`  ${kind}`, byKind[kind]);
}
const statuses = [...new Set(mixedRun.samples.filter((s) => !s.ok).map((s) => s.status))];
const growth = { rss: (after.rss - before.rss) / before.rss, heap: (after.heapUsed - before.heapUsed) / before.heapUsed };
console.log(`memory: RSS ${fmt(before.rss / 1048576, 1)} → ${fmt(after.rss / 1048576, 1)} MB (${fmt(growth.rss * 100, 1)} %), heap ${fmt(before.heapUsed / 1048576, 1)} → ${fmt(after.heapUsed / 1048576, 1)} MB (${fmt(growth.heap * 100, 1)} %)   target < 10 %`);
console.log(`errors: ${mixed.errors}${statuses.length ? ` (statuses ${statuses.join(', ')})` : ''}   target 0`);
const t = recordRatio('mixed-load', 'throughput', 'req/s', mixed.perSecond, 'bare Koa findOne', bare.perSecond, undefined, { seconds, concurrency, byKind });
const p = recordRatio('mixed-load', 'p99 latency', 'ms', mixed.p99, 'bare Koa findOne', bare.p99, undefined, { p50: mixed.p50, baselineP50: bare.p50 });
recordFigure('mixed-load', { metric: 'errors', unit: 'responses', figure: mixed.errors, baselineName: 'target', baseline: 0, ratio: mixed.errors, target: '= 0', met: mixed.errors === 0 });
recordFigure('mixed-load', { metric: 'heap growth', unit: '%', figure: growth.heap * 100, baselineName: 'heap after warm-up (MB)', baseline: before.heapUsed / 1048576, ratio: 1 + growth.heap, target: '< 10 %', met: growth.heap < 0.1, details: { rssGrowthPercent: growth.rss * 100, rssBeforeMb: before.rss / 1048576, rssAfterMb: after.rss / 1048576, heapAfterMb: after.heapUsed / 1048576, gc: !!gc } });
console.log(`throughput ratio mixed/bare: ${fmt(t.ratio, 2)}×; p99 ratio mixed/bare: ${fmt(p.ratio, 2)}×`);
server.closeAllConnections();
server.close();
await bench.stop();
