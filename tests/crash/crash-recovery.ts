// npm run test:crash — crash recovery (issue 11, suite 4). Not part of `npm test`; called by .ci/run.
//
// One development database server (mongo-java-server, in memory) lives for the whole run; the built
// platform (`node backend/dist/main.js`, demo seeded) runs as a child process against it. While a
// points recompute job, partner ingestion and loan flows (asset → application → review → approval →
// acceptance → disbursement → repayment) are under way, the child is killed with SIGKILL at seeded
// random moments, CRASH_KILLS times (default 20), and restarted each time; interrupted requests are
// resent with the same Idempotency-Key. Afterwards the work is let finish, the loan recovery job runs
// (with its clock past the stale-step delay) and the database is checked:
//   - ledger: every subject's chain verifies (contiguous seq, links, hashes); every snapshot's balance
//     equals its ledger; a fresh full recompute writes no entry (nothing lost, nothing doubled);
//     every ingested event is stored exactly once;
//   - recompute: no run left running; every run completed with processed = total;
//   - loans: every loan in a state of the table, no half-done step; an asset is encumbered exactly
//     when a loan in a lent state holds it; accepted applications have lapsed their other offers;
//   - the audit trail verifies.
// Exits 1 on any violation. CRASH_SEED, CRASH_KILLS change the run.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../../backend/src/config/index.js';
import { openConnection } from '../../backend/src/db/connection.js';
import { startDevMongoServer } from '../../backend/src/db/embedded/dev-mongo-server.js';
import { AdjustableClock } from '../../backend/src/domain/clock.js';
import { lentStates, loanStates } from '../../backend/src/domain/loans/loan-state-machine.js';
import { staleStepMs } from '../../backend/src/domain/loans/loan-servicing.js';
import { verifyLedger } from '../../backend/src/domain/points/ledger-chain.js';
import type { LedgerEntry } from '../../backend/src/db/points-ledger/ledger.repository.js';
import { createLogger } from '../../backend/src/logger.js';
import { createPlatform } from '../../backend/src/platform.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const seed = Number(process.env['CRASH_SEED'] ?? 20261129);
const kills = Number(process.env['CRASH_KILLS'] ?? 20);
const dbName = 'crash_recovery';
const password = 'EcoDemo2026';
const started = performance.now();

/** Seeded generator (mulberry32): the same kill points on every run with the same seed. */
function random(s: number): () => number {
  let state = s;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rnd = random(seed);
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
const log = (line: string) => console.log(`[${elapsed().padStart(7)}] ${line}`);

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

// ---------------------------------------------------------------- the server child
const engine = await startDevMongoServer();
const dataDir = mkdtempSync(join(tmpdir(), 'eco-crash-'));
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const serverEnv: Record<string, string> = {
  ...(process.env as Record<string, string>),
  NODE_ENV: 'development', MONGODB_URI: engine.uri, MONGODB_DB: dbName, HOST: '127.0.0.1', PORT: String(port), DATA_DIR: dataDir,
  SEED_DEMO: 'true', POINTS_DEMO: 'full', JOBS_ENABLED: 'true', JOBS_PROCESS_EVERY_MS: '200', POINTS_RECOMPUTE_BATCH_SIZE: '100',
  LOG_LEVEL: 'error', JWT_SECRET: 'crash-recovery-test-secret-0123456789abcdef', ACCESS_TOKEN_TTL_SECONDS: '7200', LOGIN_ATTEMPTS_PER_MINUTE: '10000',
};
let child: ChildProcess | undefined;

async function startServer(timeoutMs = 120_000): Promise<number> {
  const t0 = performance.now();
  child = spawn(process.execPath, [join(root, 'backend/dist/main.js')], { cwd: root, env: serverEnv, stdio: ['ignore', 'ignore', 'inherit'] });
  const mine = child;
  while (performance.now() - t0 < timeoutMs) {
    if (mine.exitCode !== null) throw new Error(`the server exited with code ${mine.exitCode} while starting`);
    try {
      const res = await fetch(`${base}/api/health`);
      if (res.status === 200) return performance.now() - t0;
    } catch {
      /* not listening yet */
    }
    await sleep(100);
  }
  throw new Error('the server did not come up in time');
}

async function killServer(): Promise<void> {
  const c = child;
  if (!c || c.exitCode !== null) return;
  const exited = new Promise((resolve) => c.once('exit', resolve));
  c.kill('SIGKILL');
  await exited;
}

async function stopServer(): Promise<void> {
  const c = child;
  if (!c || c.exitCode !== null) return;
  const exited = new Promise((resolve) => c.once('exit', resolve));
  c.kill('SIGTERM');
  await exited;
}

// ---------------------------------------------------------------- HTTP with "the server is down"
interface Reply {
  down: boolean;
  status: number;
  body: any;
}

async function call(method: string, path: string, options: { token?: string | undefined; body?: unknown; key?: string; headers?: Record<string, string>; raw?: Buffer } = {}): Promise<Reply> {
  const headers: Record<string, string> = { ...(options.headers ?? {}) };
  if (options.token) headers['Authorization'] = options.token.startsWith('ApiKey ') ? options.token : `Bearer ${options.token}`;
  if (options.key) headers['Idempotency-Key'] = options.key;
  let body: string | Buffer | undefined;
  if (options.raw) body = options.raw;
  else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  try {
    const res = await fetch(`${base}${path}`, { method, headers, body: body as never, signal: AbortSignal.timeout(30_000) });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      /* not JSON */
    }
    return { down: false, status: res.status, body: parsed };
  } catch {
    return { down: true, status: 0, body: null };
  }
}

const tokens: Record<string, string> = {};
async function login(user: string): Promise<void> {
  const res = await call('POST', '/api/auth/login', { body: { username: user, password } });
  if (res.status !== 200) throw new Error(`login ${user}: ${res.status} ${JSON.stringify(res.body)}`);
  tokens[user] = res.body.accessToken as string;
}

// ---------------------------------------------------------------- the work
const failures: string[] = [];
const fail = (message: string) => {
  failures.push(message);
  console.log(`  ✗ ${message}`);
};
const ok = (message: string) => console.log(`  ✓ ${message}`);

/** Partner ingestion: each batch is resent with its key until it answers. */
interface Batch { key: string; events: { partnerEventId: string; subjectId: string; type: string; occurredAt: string; quantity: number }[]; done: boolean }
const batches: Batch[] = [];
let citizens: string[] = [];
const busKey = 'ApiKey eco_demo_urumqi_bus_2026_key';

async function sendBatch(batch: Batch): Promise<void> {
  const res = await call('POST', '/api/points/partner/events', { token: busKey, key: batch.key, body: { events: batch.events } });
  if (res.down) return;
  if (res.status >= 200 && res.status < 300) batch.done = true;
  else {
    batch.done = true;
    fail(`ingestion batch ${batch.key} answered ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
  }
}

function newBatch(): Batch {
  const n = batches.length;
  const now = Date.now();
  const events = Array.from({ length: 40 }, (_, k) => ({
    partnerEventId: `crash-${seed}-${n}-${k}`, subjectId: citizens[Math.floor(rnd() * citizens.length)]!, type: 'bus_ride',
    occurredAt: new Date(now - Math.floor(rnd() * 20 * 86_400_000)).toISOString(), quantity: 1 + Math.floor(rnd() * 3),
  }));
  const batch = { key: `crash-batch-${seed}-${n}`, events, done: false };
  batches.push(batch);
  return batch;
}

/** A loan flow: the steps an applicant, a verifier and the bank take, resumed after each crash. */
interface Flow {
  n: number;
  step: number;
  documentId?: string;
  assetId?: string;
  applicationId?: string;
  loanId?: string;
  outcome: 'running' | 'finished' | 'waiting for recovery' | 'refused';
  note?: string;
}
const flows: Flow[] = [];
const banks: Record<string, string> = {};
const today = () => new Date().toISOString().slice(0, 10);

interface Step {
  name: string;
  send(f: Flow): Promise<Reply>;
  /** On success: keep what the answer says (a message when the step is left for the recovery job to finish). */
  keep?(f: Flow, body: any): string | void;
  /** After a refusal of a resent step: did the first attempt already get through? */
  reached?(f: Flow): Promise<boolean>;
}

const loanState = async (f: Flow) => (await call('GET', `/api/loans/${f.loanId}`, { token: tokens['bank.officer'] })).body?.state as string | undefined;
const loanStep = (name: string, who: string, body: (f: Flow) => unknown, target: string[]): Step => ({
  name,
  send: (f) => call('POST', `/api/loans/${f.loanId}/${name}`, { token: tokens[who], key: `crash-${seed}-${f.n}-${name}`, body: body(f) }),
  reached: async (f) => target.includes((await loanState(f)) ?? ''),
});

const permitOf = (f: Flow) => `C653200S2026-${seed % 1000}-${String(f.n).padStart(3, '0')}`;

const steps: Step[] = [
  {
    name: 'upload document',
    send: (f) => call('POST', '/api/documents', {
      token: tokens['enterprise'], raw: Buffer.from(`取水许可证 crash ${seed} ${f.n}`), headers: { 'Content-Type': 'application/pdf', 'X-Filename': encodeURIComponent('许可证.pdf') },
    }),
    keep: (f, body) => {
      f.documentId = body.id;
    },
  },
  {
    name: 'register asset',
    send: (f) => call('POST', '/api/assets', {
      token: tokens['enterprise'],
      body: {
        assetType: 'water_right', name: '和田河墨玉段农业取水权', documentIds: [f.documentId],
        details: {
          permitNumber: permitOf(f), basin: '和田河', waterSource: 'surface', useType: 'agricultural',
          permittedAnnualVolumeM3: 1_500_000, allocatedAnnualVolumeM3: 1_200_000, validFrom: '2024-07-01', validUntil: '2031-06-30',
        },
      },
    }),
    keep: (f, body) => {
      f.assetId = body.id;
    },
    reached: async (f) => {
      const asset = await database!.collection('assets').findOne({ certificateNumber: permitOf(f) });
      f.assetId = asset ? String(asset['_id']) : undefined;
      return !!f.assetId;
    },
  },
  {
    name: 'submit asset',
    send: (f) => call('POST', `/api/assets/${f.assetId}/submit`, { token: tokens['enterprise'] }),
    reached: async (f) => ['submitted', 'verified'].includes((await call('GET', `/api/assets/${f.assetId}`, { token: tokens['enterprise'] })).body?.state),
  },
  {
    name: 'verify asset',
    send: (f) => call('POST', `/api/assets/${f.assetId}/verify`, { token: tokens['verifier'], body: {} }),
    reached: async (f) => (await call('GET', `/api/assets/${f.assetId}`, { token: tokens['enterprise'] })).body?.state === 'verified',
  },
  {
    name: 'draft application',
    send: (f) => call('POST', '/api/loan-applications', {
      token: tokens['enterprise'], key: `crash-${seed}-${f.n}-draft`,
      body: {
        amountFen: 20_000_000, termMonths: 24, purpose: '滴灌改造：红枣园高效节水灌溉', taxonomyCode: '1.4-water_saving_irrigation', repaymentMethod: 'equal_instalment',
        frequency: 'monthly', assetIds: [f.assetId], bankIds: f.n % 3 === 0 ? [banks['tarim'], banks['bosten']] : [banks['tarim']], documentIds: [],
      },
    }),
    keep: (f, body) => {
      f.applicationId = body.id;
    },
  },
  {
    name: 'submit application',
    send: (f) => call('POST', `/api/loan-applications/${f.applicationId}/submit`, { token: tokens['enterprise'], key: `crash-${seed}-${f.n}-submit`, body: {} }),
    keep: (f, body) => {
      f.loanId = body.offers?.find((l: any) => l.institutionId === banks['tarim'])?.id;
      // A crash after the state change and before the bank loans were opened: the recovery job opens them.
      if (!f.loanId) return 'submitted, the bank loans not yet opened';
    },
    reached: async (f) => (await call('GET', `/api/loan-applications/${f.applicationId}`, { token: tokens['enterprise'] })).body?.state === 'SUBMITTED',
  },
  loanStep('start-review', 'bank.officer', () => ({}), ['UNDER_REVIEW', 'GREEN_ASSESSED', 'PENDING_APPROVAL', 'APPROVED', 'ACCEPTED', 'ACTIVE']),
  loanStep('assess', 'bank.officer', () => ({ taxonomyCode: '1.4-water_saving_irrigation', note: '节水灌溉，符合目录' }), ['GREEN_ASSESSED', 'PENDING_APPROVAL', 'APPROVED', 'ACCEPTED', 'ACTIVE']),
  loanStep('recommend', 'bank.officer', () => ({ amountFen: 20_000_000, annualRateBp: 380, termMonths: 24, conditions: ['按月还款'], notes: '经营稳定' }), ['PENDING_APPROVAL', 'APPROVED', 'ACCEPTED', 'ACTIVE']),
  loanStep('approve', 'bank.approver', () => ({ note: '同意' }), ['APPROVED', 'ACCEPTED', 'ACTIVE']),
  loanStep('accept', 'enterprise', () => ({}), ['ACCEPTED', 'ACTIVE']),
  loanStep('disburse', 'bank.officer', () => ({}), ['ACTIVE']),
  {
    name: 'repay',
    send: (f) => call('POST', `/api/loans/${f.loanId}/repayments`, { token: tokens['bank.officer'], key: `crash-${seed}-${f.n}-repay`, body: { amountFen: 500_000, date: today() } }),
  },
];

/** Drives one flow as far as it goes while the server is up; returns when it ends or the server is down. */
async function drive(f: Flow, until: () => boolean): Promise<void> {
  while (f.outcome === 'running' && !until()) {
    const step = steps[f.step]!;
    const res = await step.send(f);
    if (res.down) return;
    if (res.status >= 200 && res.status < 300) {
      const wait = step.keep?.(f, res.body);
      if (wait) {
        f.outcome = 'waiting for recovery';
        f.note = `${step.name}: ${wait}`;
        return;
      }
    } else if (res.body?.error?.code === 'LOAN_STEP_IN_PROGRESS') {
      f.outcome = 'waiting for recovery';
      f.note = `${step.name}: ${res.body.error.message}`;
      return;
    } else if (res.status >= 500) {
      fail(`flow #${f.n} ${step.name}: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
      f.outcome = 'refused';
      return;
    } else if (step.reached && (await step.reached(f))) {
      // The interrupted first attempt got through.
      if (step.name === 'submit application' && (step.keep?.(f, (await call('GET', `/api/loan-applications/${f.applicationId}`, { token: tokens['enterprise'] })).body))) {
        f.outcome = 'waiting for recovery';
        f.note = `${step.name}: submitted, the bank loans not yet opened`;
        return;
      }
    } else if ((await call('GET', '/api/health')).down) {
      return; // the server went down while we looked: look again after the restart
    } else {
      f.outcome = 'refused';
      f.note = `${step.name}: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`;
      return;
    }
    f.step++;
    if (f.step === steps.length) f.outcome = 'finished';
  }
}

let recomputeTriggers = 0;
async function triggerRecompute(): Promise<void> {
  const res = await call('POST', '/api/jobs/points.recompute/run', { token: tokens['admin'] });
  if (res.status === 202) recomputeTriggers++;
}

/** One cycle of work: recompute, ingestion and loan flows side by side, until `until()` says stop. */
async function work(until: () => boolean, fresh = true): Promise<void> {
  await triggerRecompute();
  const ingest = (async () => {
    while (!until()) {
      const batch = batches.find((b) => !b.done) ?? (fresh ? newBatch() : undefined);
      if (!batch) return;
      await sendBatch(batch);
      if (!batch.done) return;
      await sleep(150);
    }
  })();
  const lanes = Array.from({ length: 3 }, async () => {
    while (!until()) {
      let f = flows.find((x) => x.outcome === 'running' && !(x as Flow & { busy?: boolean }).busy);
      if (!f && !fresh) return;
      if (!f) flows.push((f = { n: flows.length, step: 0, outcome: 'running' }));
      (f as Flow & { busy?: boolean }).busy = true;
      try {
        await drive(f, until);
      } finally {
        (f as Flow & { busy?: boolean }).busy = false;
      }
      if (f.outcome === 'running') return; // the server went down
    }
  });
  await Promise.all([ingest, ...lanes]);
}

// ---------------------------------------------------------------- run
let exitCode = 0;
/** The harness's own connection (looking up what an interrupted request left behind). */
let watcher: Awaited<ReturnType<typeof openConnection>> | undefined;
let database: NonNullable<typeof watcher>['db'] | undefined;
let killsInRecompute = 0;
try {
  log(`database ${engine.engine} at ${engine.uri}; seed ${seed}; ${kills} kills`);
  const firstUp = await startServer(240_000);
  log(`server up with the demo seeded in ${(firstUp / 1000).toFixed(1)} s`);
  for (const u of ['enterprise', 'verifier', 'admin', 'bank.officer', 'bank.approver']) await login(u);
  await call('POST', '/api/prices', { token: tokens['admin'], body: { reference: 'water_lease:和田河', date: today(), priceFen: 15, unit: 'yuan/m3', source: '和田河流域水权交易' } });
  for (const bank of (await call('GET', '/api/loan-banks', { token: tokens['enterprise'] })).body) {
    if (bank.name === '塔里木农村商业银行') banks['tarim'] = bank.id;
    if (bank.name === '博斯腾湖商业银行') banks['bosten'] = bank.id;
  }
  watcher = await openConnection(engine.uri, dbName);
  database = watcher.db!;
  citizens = (await database.collection('points_snapshots').find({ subjectType: 'individual' }, { projection: { subjectId: 1 } }).limit(500).toArray()).map((d) => String(d['subjectId']));
  if (!banks['tarim'] || !banks['bosten'] || citizens.length === 0) throw new Error('the demo lacks the banks or citizens this test drives');

  const killTimes: number[] = [];
  
  const restartTimes: number[] = [];
  for (let k = 1; k <= kills; k++) {
    const afterMs = Math.round(300 + rnd() * 3200);
    let stop = false;
    const running = work(() => stop);
    await sleep(afterMs);
    const latest = (await call('GET', '/api/points/recompute-runs/latest', { token: tokens['admin'] })).body;
    await killServer();
    stop = true;
    await running;
    killTimes.push(afterMs);
    if (latest?.state === 'running') killsInRecompute++;
    const where = latest?.state === 'running' ? `recompute at ${latest.processed}/${latest.total}` : 'recompute idle';
    const inFlight = flows.filter((f) => f.outcome === 'running').map((f) => `#${f.n}:${steps[f.step]!.name}`).join(', ');
    const up = await startServer();
    restartTimes.push(up);
    log(`kill ${String(k).padStart(2)} after ${afterMs} ms (${where}; flows at ${inFlight || '—'}); restarted in ${(up / 1000).toFixed(1)} s`);
  }

  // Let everything finish on a server that stays up.
  log('no more kills: finishing the interrupted work');
  let stop = false;
  const finishing = work(() => stop, false);
  const deadline = performance.now() + 60_000;
  while (performance.now() < deadline && (flows.some((f) => f.outcome === 'running') || batches.some((b) => !b.done))) await sleep(200);
  stop = true;
  await finishing;
  for (const b of batches.filter((x) => !x.done)) await sendBatch(b);
  // The interrupted run finishes; then one more run, started after the last event came in, must finish too.
  const waitForRun = async (startedAfter: number) => {
    for (let i = 0; i < 1500; i++) {
      const run = (await call('GET', '/api/points/recompute-runs/latest', { token: tokens['admin'] })).body;
      if (run?.state === 'completed' && Date.parse(run.startedAt) >= startedAfter) return run;
      if (run?.state !== 'running' && i % 25 === 0) await triggerRecompute();
      await sleep(200);
    }
    throw new Error('the recompute job did not finish');
  };
  await waitForRun(0);
  const quiet = Date.now();
  await triggerRecompute();
  const latest = await waitForRun(quiet);
  log(`recompute job: latest run ${latest?.state} with ${latest?.processed}/${latest?.total} subjects; ${recomputeTriggers} job runs triggered`);
  await stopServer();

  // ---------------------------------------------------------------- checks
  log('checks');
  const clock = new AdjustableClock(new Date(Date.now() + staleStepMs + 60_000));
  const config = loadConfig({ NODE_ENV: 'test', JOBS_ENABLED: 'false', DATA_DIR: dataDir, POINTS_RECOMPUTE_BATCH_SIZE: '500' });
  const connection = await openConnection(engine.uri, dbName);
  const platform = await createPlatform({ config, connection, logger: createLogger(config), engine: engine.engine, clock });
  const db = connection.db!;

  // Recompute runs.
  const runs = await db.collection('points_recompute_runs').find({}).toArray();
  const stillRunning = runs.filter((r) => r['state'] !== 'completed');
  const miscounted = runs.filter((r) => r['state'] === 'completed' && r['processed'] !== r['total']);
  if (stillRunning.length || miscounted.length) fail(`recompute runs: ${stillRunning.length} not completed, ${miscounted.length} with processed ≠ total`);
  else ok(`recompute: ${runs.length} runs, all completed, each processed every subject exactly once (processed = total = ${runs.at(-1)?.['total']})`);

  // Ingested events: each stored exactly once.
  const sent = batches.flatMap((b) => b.events.map((e) => e.partnerEventId));
  const stored = await db.collection('points_events').aggregate([{ $match: { partnerEventId: { $in: sent } } }, { $group: { _id: '$partnerEventId', n: { $sum: 1 } } }]).toArray();
  const twice = stored.filter((s) => s['n'] !== 1).length;
  if (stored.length !== sent.length || twice) fail(`ingestion: ${sent.length} events sent, ${stored.length} stored, ${twice} stored more than once`);
  else ok(`ingestion: ${batches.length} batches, ${sent.length} events each stored exactly once`);

  // Ledger chains and balances.
  const ledger = db.collection('points_ledger');
  const bySubject = new Map<string, LedgerEntry[]>();
  for await (const doc of ledger.find({}).sort({ subjectId: 1, seq: 1 })) {
    const { _id, ...rest } = doc;
    const entry = { ...(rest as unknown as Omit<LedgerEntry, 'id'>), id: String(_id) };
    const list = bySubject.get(entry.subjectId) ?? [];
    list.push(entry);
    bySubject.set(entry.subjectId, list);
  }
  let chainsBroken = 0;
  let entriesChecked = 0;
  for (const [subjectId, chain] of bySubject) {
    const v = await verifyLedger((async function* () { yield* chain; })());
    entriesChecked += v.checked;
    if (!v.ok) {
      chainsBroken++;
      if (chainsBroken <= 5) fail(`ledger of ${subjectId}: broken at seq ${v.firstBroken?.seq} (${v.firstBroken?.reason})`);
    }
  }
  if (chainsBroken) fail(`ledger: ${chainsBroken} of ${bySubject.size} chains broken`);
  else ok(`ledger: ${bySubject.size} chains, ${entriesChecked} entries, all verify (seq contiguous, links and hashes)`);
  let balanceMismatches = 0;
  const snapshots = await db.collection('points_snapshots').find({}, { projection: { subjectId: 1, ledgerBalanceCentipoints: 1 } }).toArray();
  for (const s of snapshots) {
    const sum = (bySubject.get(String(s['subjectId'])) ?? []).reduce((a, e) => a + e.centipoints, 0);
    if (sum !== s['ledgerBalanceCentipoints']) balanceMismatches++;
  }
  if (balanceMismatches) fail(`snapshots: ${balanceMismatches} of ${snapshots.length} balances differ from their ledger`);
  else ok(`snapshots: ${snapshots.length} balances equal their ledger`);
  const entriesBefore = await ledger.countDocuments();
  const check = await platform.services.points.recompute.start({ requestId: 'crash-check' });
  const done = await platform.services.points.recompute.run(check.id);
  const written = (await ledger.countDocuments()) - entriesBefore;
  if (written > 0) {
    for (const e of await ledger.find({ runId: check.id }).limit(10).toArray()) console.log(`    written by the fresh recompute: ${e['subjectId']} ${e['ref']} ${e['reason']} ${e['centipoints']}`);
  }
  if (written !== 0 || done.processed !== done.total) fail(`a fresh recompute wrote ${written} ledger entries (expected 0: something was lost or counted twice)`);
  else ok(`a fresh full recompute of ${done.total} subjects wrote 0 ledger entries: nothing lost, nothing counted twice`);

  // Loans and pledges, after the recovery job.
  const halfDone = await db.collection('loans').countDocuments({ pendingStep: { $type: 'object' } });
  const recovered = await platform.services.loanServicing.recover();
  log(`loan recovery job (clock past the ${staleStepMs / 60_000}-minute stale delay): ${halfDone} loans had a half-done step; undone pledges ${recovered.undonePledges.length}, finished releases ${recovered.finishedReleases.length}, acceptances ${recovered.acceptances.length}, bank loans opened ${recovered.openedBankLoans.length}`);
  const loans = await db.collection('loans').find({}).toArray();
  const assets = await db.collection('assets').find({}).toArray();
  const applications = await db.collection('loan_applications').find({}).toArray();
  const loanById = new Map(loans.map((l) => [String(l['_id']), l]));
  const illegal = loans.filter((l) => !(loanStates as readonly string[]).includes(String(l['state'])));
  const pending = loans.filter((l) => l['pendingStep']);
  if (illegal.length || pending.length) fail(`loans: ${illegal.length} in an unknown state, ${pending.length} still with a half-done step`);
  else ok(`loans: ${loans.length}, every one in a state of the table, none with a half-done step`);
  const lent = (l: Record<string, unknown>) => (lentStates as readonly string[]).includes(String(l['state']));
  const encumbrance: string[] = [];
  for (const a of assets) {
    const e = a['encumbrance'] as { status: string; loanId: string | null };
    if (e.status === 'free') continue;
    const loan = e.loanId ? loanById.get(e.loanId) : undefined;
    if (!loan) continue; // held by something other than a loan (e.g. a guarantee's counter-guarantee)
    if (!lent(loan) || !(loan['pledgedAssetIds'] as string[]).includes(String(a['_id']))) encumbrance.push(`asset ${String(a['_id'])} is ${e.status} for loan ${e.loanId} which is ${String(loan['state'])} and holds ${JSON.stringify(loan['pledgedAssetIds'])}`);
  }
  for (const l of loans) {
    const held = (l['pledgedAssetIds'] as string[] | undefined) ?? [];
    if (lent(l) && held.length === 0) encumbrance.push(`loan ${String(l['_id'])} is ${String(l['state'])} with no pledge`);
    if (!lent(l) && held.length > 0) encumbrance.push(`loan ${String(l['_id'])} is ${String(l['state'])} but still lists pledges ${JSON.stringify(held)}`);
    for (const id of held) {
      const a = assets.find((x) => String(x['_id']) === id);
      const e = a?.['encumbrance'] as { status: string; loanId: string | null } | undefined;
      if (!e || e.status === 'free' || e.loanId !== String(l['_id'])) encumbrance.push(`loan ${String(l['_id'])} (${String(l['state'])}) lists asset ${id} which is ${e?.status ?? 'missing'} for ${e?.loanId ?? 'no loan'}`);
    }
  }
  for (const app of applications.filter((x) => x['state'] === 'SUBMITTED')) {
    const banksWithLoan = new Set(loans.filter((l) => String(l['applicationId']) === String(app['_id'])).map((l) => String(l['institutionId'])));
    const missing = (app['bankIds'] as string[]).filter((b) => !banksWithLoan.has(String(b)));
    if (missing.length) encumbrance.push(`application ${String(app['_id'])} is SUBMITTED but has no loan for ${missing.length} of its banks`);
  }
  for (const app of applications.filter((x) => x['acceptedLoanId'])) {
    const others = loans.filter((l) => String(l['applicationId']) === String(app['_id']) && String(l['_id']) !== String(app['acceptedLoanId']));
    const open = others.filter((l) => !['LAPSED', 'REJECTED', 'WITHDRAWN'].includes(String(l['state'])));
    if (open.length) encumbrance.push(`application ${String(app['_id'])} accepted ${String(app['acceptedLoanId'])} but ${open.length} other offers are still open`);
  }
  const pledgedCount = assets.filter((a) => (a['encumbrance'] as { status: string }).status !== 'free').length;
  if (encumbrance.length) for (const m of encumbrance.slice(0, 10)) fail(m);
  else ok(`pledges: ${pledgedCount} encumbered assets, each held by a lent loan that lists it; every lent loan's assets are pledged to it; no other loan holds any; every submitted application has a loan per bank; accepted applications lapsed their other offers`);

  // Audit chain.
  const audit = await platform.services.audit.verify();
  if (!audit.ok) fail(`audit chain broken at seq ${audit.firstBroken?.seq}: ${audit.firstBroken?.reason}`);
  else ok(`audit trail: ${audit.checked} records, the chain verifies`);

  const outcomes = new Map<string, number>();
  for (const f of flows) outcomes.set(f.outcome, (outcomes.get(f.outcome) ?? 0) + 1);
  const states = new Map<string, number>();
  for (const f of flows) if (f.loanId) states.set(String(loanById.get(f.loanId)?.['state']), (states.get(String(loanById.get(f.loanId)?.['state'])) ?? 0) + 1);
  ok(`loan flows driven: ${flows.length} (${[...outcomes].map(([k, v]) => `${v} ${k}`).join(', ')}); their loans now ${[...states].map(([k, v]) => `${k} ${v}`).join(', ')}`);
  const repaidTwice = flows.filter((f) => f.outcome === 'finished' && ((loanById.get(f.loanId!)?.['repayments'] as unknown[] | undefined)?.length ?? 0) !== 1);
  if (repaidTwice.length) fail(`repayments: ${repaidTwice.length} finished flows do not have exactly one repayment (a resent repayment was recorded twice or lost)`);
  else ok(`repayments: each of the ${flows.filter((f) => f.outcome === 'finished').length} finished flows recorded its one repayment exactly once`);
  for (const f of flows.filter((x) => x.outcome === 'refused')) console.log(`    flow #${f.n} refused at ${f.note}`);
  console.log(`\nkills: ${kills}, ${killsInRecompute} of them during a recompute run (after ${Math.min(...killTimes)}–${Math.max(...killTimes)} ms of work each); restarts took ${(Math.min(...restartTimes) / 1000).toFixed(1)}–${(Math.max(...restartTimes) / 1000).toFixed(1)} s; total ${elapsed()}`);
  await connection.close();
  if (flows.some((f) => f.outcome === 'refused')) fail('some loan flows were refused (see above)');
  if (!flows.some((f) => f.outcome === 'finished')) fail('no loan flow reached the end: the test drove nothing');
  if (killsInRecompute === 0) fail('no kill landed during a recompute');
  exitCode = failures.length ? 1 : 0;
  console.log(failures.length ? `CRASH RECOVERY: ${failures.length} problem(s)` : 'CRASH RECOVERY: all checks passed');
} catch (e) {
  console.error(e);
  exitCode = 1;
} finally {
  await killServer();
  await watcher?.close();
  await engine.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
process.exit(exitCode);
