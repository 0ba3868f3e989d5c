// npm run bench -- recompute
// The points recompute (read events, score, append ledger deltas, write snapshots) through the
// database for BENCH_SUBJECTS subjects / BENCH_EVENTS events (default 100,000 / 1,000,000), versus a
// raw bulkWrite of the same number of documents as the recompute wrote, on the same engine.
import { chinaDate } from '../src/domain/points/china-date.js';
import type { NewEvent } from '../src/db/points-events/points-event.repository.js';
import { systemActor } from '../src/demo/seed-demo.js';
import { recordRatio } from '../../scoring/bench/bench-results.js';
import { fmt, startBenchPlatform } from './bench-platform.js';

const subjects = Number(process.env['BENCH_SUBJECTS'] ?? 100_000);
const events = Number(process.env['BENCH_EVENTS'] ?? 1_000_000);
const chunk = 20_000;
const types = ['bus_ride', 'metro_trip_km', 'garbage_sorting', 'e_bus_trip_km'];

const bench = await startBenchPlatform({ POINTS_RECOMPUTE_BATCH_SIZE: process.env['BENCH_BATCH'] ?? '1000' });
const { platform } = bench;
const { repositories: repos, recompute } = platform.services.points;
const today = new Date(Date.UTC(2026, 10, 20, 4));

console.log(`engine ${bench.engine}; preparing ${fmt(subjects)} subjects and ${fmt(events)} events…`);
const ids: string[] = [];
for (let i = 0; i < subjects; i += chunk) {
  const people = Array.from({ length: Math.min(chunk, subjects - i) }, (_, k) => ({ type: 'individual', name: `居民${i + k}`, nameEn: `Resident ${i + k}`, region: '乌鲁木齐', code: `650100********${String(i + k).padStart(6, '0')}` }));
  ids.push(...(await repos.population.insertGenerated(people, today)));
}
for (let i = 0; i < events; i += chunk) {
  const batch: NewEvent[] = Array.from({ length: Math.min(chunk, events - i) }, (_, k) => {
    const n = i + k;
    const occurredAt = new Date(today.getTime() - ((n * 7919) % 360) * 86_400_000 - (n % 12) * 3_600_000);
    return {
      subjectId: ids[n % subjects]!, partnerId: 'bench', partnerCode: 'BENCH', partnerEventId: `e${n}`, type: types[n % types.length]!, occurredAt,
      occurredOn: chinaDate(occurredAt), quantity: 1 + (n % 5), dedupKey: `bench:e${n}`, batchId: 'bench', receivedAt: today, state: 'active',
    };
  });
  await repos.events.insertNew(batch);
}

const db = platform.connection.db!;
const before = { ledger: await db.collection('points_ledger').countDocuments(), snapshots: await db.collection('points_snapshots').countDocuments() };
const t0 = performance.now();
const run = await recompute.start(systemActor, chinaDate(today));
await recompute.run(run.id);
const recomputeSeconds = (performance.now() - t0) / 1000;
const written = (await db.collection('points_ledger').countDocuments()) - before.ledger + (await db.collection('points_snapshots').countDocuments()) - before.snapshots;

const recomputeRate = written / recomputeSeconds;
console.log(`recompute: ${fmt(subjects)} subjects, ${fmt(events)} events → ${fmt(written)} documents (ledger entries + snapshots) in ${fmt(recomputeSeconds, 1)} s`);
console.log(`           ${fmt(subjects / recomputeSeconds)} subjects/s, ${fmt(events / recomputeSeconds)} events/s, ${fmt(recomputeRate)} documents/s`);

// The baselines write as many documents as the recompute wrote. The events are dropped first so the
// development engine (which holds everything in its heap) has room for them; nothing else reads them.
await db.collection('points_events').drop();
const rawDocument = (n: number) => ({
  subjectId: ids[n % subjects], seq: n, ref: `event:${n}`, centipoints: 120, reason: 'counted', ruleSetId: 'individual-default', ruleSetVersion: '1.0.0', hash: 'f'.repeat(64), prevHash: '0'.repeat(64), at: today,
});
async function rawBulkWrite(name: string): Promise<number> {
  const collection = db.collection(name);
  const t1 = performance.now();
  for (let i = 0; i < written; i += chunk) {
    await collection.bulkWrite(Array.from({ length: Math.min(chunk, written - i) }, (_, k) => ({ insertOne: { document: rawDocument(i + k) } })), { ordered: false });
  }
  return (performance.now() - t1) / 1000;
}
const rawSeconds = await rawBulkWrite('bench_raw');
await db.collection('bench_raw').drop();

// Second figure, for reading the first: the engine's floor for this workload. The recompute's own
// output (its ledger entries and snapshots) is inserted again into empty collections carrying the
// same unique indexes, in chunks like the baseline; only the inserts are timed, nothing is read or
// scored. No recompute can write these documents faster on this engine. At most floorSample
// documents are copied (ledger entries and snapshots in the proportion written), so the engine's
// heap holds one copy at a time.
const floorSample = Math.min(written, 200_000);
async function reinsert(from: string, to: string, uniqueKeys: Record<string, 1 | -1>, limit: number): Promise<number> {
  const target = db.collection(to);
  await target.createIndex(uniqueKeys, { unique: true });
  let seconds = 0;
  let docs: Record<string, unknown>[] = [];
  const flush = async () => {
    const t = performance.now();
    if (docs.length > 0) await target.insertMany(docs, { ordered: false });
    seconds += (performance.now() - t) / 1000;
    docs = [];
  };
  for await (const doc of db.collection(from).find({}, { projection: { _id: 0 }, batchSize: chunk }).limit(limit)) {
    docs.push(doc);
    if (docs.length === chunk) await flush();
  }
  await flush();
  await target.drop();
  return seconds;
}
const ledgerWritten = (await db.collection('points_ledger').countDocuments()) - before.ledger;
const ledgerSample = Math.round((floorSample * ledgerWritten) / written);
const floorSeconds = (await reinsert('points_ledger', 'bench_floor_ledger', { subjectId: 1, seq: -1 }, ledgerSample)) + (await reinsert('points_snapshots', 'bench_floor_snapshots', { subjectId: 1 }, floorSample - ledgerSample));

const rawRate = written / rawSeconds;
const floorRate = floorSample / floorSeconds;
console.log(`raw bulkWrite of ${fmt(written)} documents in ${fmt(rawSeconds, 1)} s: ${fmt(rawRate)} documents/s`);
console.log(`ratio recompute/raw: ${fmt(recomputeRate / rawRate, 2)}× (target ≥ 0.5×)`);
console.log(`floor: ${fmt(floorSample)} of the recompute's own documents inserted again (same unique indexes, nothing read or scored): ${fmt(floorSeconds, 1)} s, ${fmt(floorRate)} documents/s = ${fmt(floorRate / rawRate, 2)}× raw; recompute/floor: ${fmt(recomputeRate / floorRate, 2)}×`);
recordRatio('recompute', 'documents written per second', 'documents/s', recomputeRate, 'raw bulkWrite', rawRate, '≥ 0.5×', { subjects, events, written, recomputeSeconds, rawSeconds });
recordRatio('recompute', 'documents written per second', 'documents/s', recomputeRate, "inserting the recompute's own output again (engine floor)", floorRate, undefined, { floorSample, floorSeconds, floorVersusRaw: floorRate / rawRate });
await bench.stop();
