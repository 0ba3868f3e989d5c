// npm run bench -- prescreen
// Pre-screen latency (grade and benefits, a fresh stored valuation of the pledged asset, maximum
// loan, suggested rate, the stored result and its audit record) against one findOne round trip on
// the same database server, in the same run. Starts its own database engine on loopback and seeds
// the demo. Prints p50/p99 of both and the ratio (target: pre-screen p99 ≤ 10 × findOne p99).
// Not a timed test: figures only.
import { performance } from 'node:perf_hooks';
import { loadConfig } from '../src/config/index.js';
import { openConnection } from '../src/db/connection.js';
import { startDatabaseEngine } from '../src/db/embedded/start-database-engine.js';
import { seedDemoIfEmpty } from '../src/demo/seed-demo.js';
import { permissionsOf } from '../src/domain/identity/permissions.js';
import { createLogger } from '../src/logger.js';
import { createPlatform } from '../src/platform.js';
import { recordRatio } from '../../scoring/bench/bench-results.js';

const RUNS = Number(process.env['BENCH_RUNS'] ?? 300);
const WARMUP = 20;

const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const ms = (v: number): string => `${v.toFixed(2)} ms`;

async function time(runs: number, step: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < WARMUP; i++) await step();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await step();
    samples.push(performance.now() - start);
  }
  return samples.sort((a, b) => a - b);
}

const config = loadConfig({ ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'warn', JOBS_ENABLED: 'false' });
const logger = createLogger(config);
const engine = await startDatabaseEngine(config, { persistent: false, pathVariable: process.env['PATH'] }, logger);
const connection = await openConnection(engine.uri, `bench_prescreen_${Date.now()}`);
try {
  const platform = await createPlatform({ config, connection, logger, engine: engine.engine });
  await seedDemoIfEmpty(platform);
  const user = (await platform.repositories.users.findByUsername('enterprise'))!;
  const actor = {
    principal: { userId: user.id, username: user.username, roles: user.roles, permissions: new Set(permissionsOf(user.roles)), subjectId: user.subjectId },
    requestId: 'bench',
  };
  const application = (await platform.services.loanApplications.list(actor.principal, ['SUBMITTED'], { limit: 1, offset: 0 })).items[0]!;
  const collection = connection.db!.collection('loan_applications');
  const applicationId = (await collection.findOne({ subjectId: user.subjectId, state: 'SUBMITTED' }))!._id;

  const findOne = await time(RUNS, () => collection.findOne({ _id: applicationId }));
  const prescreen = await time(RUNS, () => platform.services.loanApplications.rerunPrescreen(actor, application.id));

  // Where the time goes: the asset area's fresh stored valuation and one audit append, alone.
  const asset = (await platform.repositories.assets.findById(application.assetIds[0]!))!;
  let n = 0;
  const valuation = await time(RUNS, () => platform.services.valuations.value(asset, {
    purpose: 'lending', institutionId: null, requestedBy: { userId: user.id, username: user.username }, idempotencyKey: `bench:${n++}`, valuationDate: new Date().toISOString().slice(0, 10),
  }));
  const audit = await time(RUNS, () => platform.services.audit.append(actor, { action: 'bench.append', entityType: 'bench' }));

  const p = (s: number[]) => ({ p50: percentile(s, 50), p99: percentile(s, 99) });
  const [f, q] = [p(findOne), p(prescreen)];
  console.log(`database engine: ${engine.engine}`);
  console.log(`runs: ${RUNS} each (after ${WARMUP} warm-up), application ${application.id} with ${application.assetIds.length} pledged asset(s)`);
  console.log(`findOne round trip   p50 ${ms(f.p50)}   p99 ${ms(f.p99)}`);
  console.log(`pre-screen           p50 ${ms(q.p50)}   p99 ${ms(q.p99)}`);
  console.log(`  of which: one fresh valuation   p50 ${ms(p(valuation).p50)}   p99 ${ms(p(valuation).p99)};   one audit append   p50 ${ms(p(audit).p50)}   p99 ${ms(p(audit).p99)}`);
  recordRatio('prescreen', 'p99 latency', 'ms', q.p99, 'findOne round trip', f.p99, '≤ 10×', { runs: RUNS, p50: q.p50, baselineP50: f.p50 });
  console.log(`ratio (pre-screen / findOne)   p50 ${(q.p50 / f.p50).toFixed(1)}×   p99 ${(q.p99 / f.p99).toFixed(1)}×   (target p99 ≤ 10×)`);
} finally {
  await connection.dropDatabase().catch(() => undefined);
  await connection.close();
  await engine.stop();
}
