import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { startTestPlatform, type TestPlatform } from '../../../../test-support/test-platform.js';
import { systemActor } from '../../../demo/seed-demo.js';
import { busRide, loginAll, partnerWithKey, sendEvents, start, type Kit } from './points-test-kit.js';

let t: TestPlatform;
let kit: Kit;
const dayMs = 86_400_000;

beforeAll(async () => {
  t = await startTestPlatform({ seedDemo: true, start, env: { POINTS_RECOMPUTE_BATCH_SIZE: '2' } });
  kit = await loginAll(t, ['admin', 'citizen']);
  const partner = await partnerWithKey(t, kit.tokens['admin']!, 'Walking App', ['bus_ride', 'walking_steps']);
  await sendEvents(t, partner.key, 'recompute-0001', [
    busRide('w-1', kit.subjects['Ayigul Mamat']!, '2026-11-19T01:00:00Z'),
    { partnerEventId: 'w-2', subjectId: kit.subjects['Ayigul Mamat']!, type: 'walking_steps', occurredAt: '2026-11-19T12:00:00Z', quantity: 8000 },
    busRide('w-3', kit.subjects['Zhang Wei']!, '2026-11-19T01:00:00Z'),
  ]);
}, 120_000);
afterAll(() => t.close());

const snapshots = () => t.platform.connection.db!.collection('points_snapshots').find({}).toArray();
const ledgerCount = () => t.platform.connection.db!.collection('points_ledger').countDocuments();

describe('the recompute rescored every subject once, even after a crash', () => {
  test('a run that crashes after writing its second batch stops with that batch uncounted', async () => {
    const { recompute } = t.platform.services.points;
    const run = await recompute.start(systemActor);
    expect(run).toMatchObject({ state: 'running', total: 9, processed: 0, asOf: '2026-11-20' });
    await expect(recompute.run(run.id, { crashAfterBatches: 1 })).rejects.toThrow('simulated crash');
    expect(await recompute.latest()).toMatchObject({ state: 'running', processed: 2, batches: 1, percent: 22 });
  });

  test('a second run cannot start while one is running', async () => {
    const res = await t.api.post('/api/points/recompute-runs', {}, kit.tokens['admin']);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('POINTS_RECOMPUTE_RUNNING');
  });

  test('the nightly job resumes the run from its cursor: all 9 subjects counted once, each snapshot written by the run', async () => {
    const ledgerBefore = await ledgerCount();
    const progress: number[] = [];
    const job = (await import('../../../jobs/points-recompute.job.js')).pointsRecomputeJob;
    await job.run(t.platform, async (p) => void progress.push(p));
    const run = await t.platform.services.points.recompute.latest();
    expect(run).toMatchObject({ state: 'completed', total: 9, processed: 9, batches: 5, percent: 100 });
    expect(progress).toEqual([44, 66, 88, 100, 100]);
    const all = await snapshots();
    expect(all).toHaveLength(9);
    expect(new Set(all.map((s) => s['runId']))).toEqual(new Set([run!.id]));
    expect(await ledgerCount()).toBe(ledgerBefore);
  });

  test('expired points leave the ledger with an expiry entry at the next recompute', async () => {
    t.clock.advance(4 * dayMs);
    const run = await t.platform.services.points.recompute.start(systemActor);
    await t.platform.services.points.recompute.run(run.id);
    const ledger = await t.api.get(`/api/points/subjects/${kit.subjects['Ayigul Mamat']}/ledger`, await t.api.login('citizen'));
    expect(ledger.body.items[0]).toMatchObject({ ruleId: 'walking_steps', centipoints: -16000, reason: 'expired', runId: run.id });
    const summary = await t.api.get(`/api/points/subjects/${kit.subjects['Ayigul Mamat']}`, await t.api.login('citizen'));
    expect(summary.body).toMatchObject({ totalCentipoints: 120, ledgerBalanceCentipoints: 120, asOf: '2026-11-24' });
  });

  test('the admin sees the progress of the latest run', async () => {
    const res = await t.api.get('/api/points/recompute-runs/latest', await t.api.login('admin'));
    expect(res.body).toMatchObject({ state: 'completed', processed: 9, total: 9, percent: 100 });
  });
});

describe('a chain another writer extends after the recompute read it', () => {
  test('that subject is rescored again alone: its chain verifies and the other writer’s entry is settled once', async () => {
    const { recompute, rescoring } = t.platform.services.points;
    const subjectId = kit.subjects['Zhang Wei']!;
    // An event stored without rescoring gives the run something to write for this subject.
    const occurredAt = t.clock.now();
    const inserted = await t.platform.services.points.repositories.events.insertNew([{
      subjectId, partnerId: 'direct', partnerCode: 'DIRECT', partnerEventId: 'concurrent-1', type: 'bus_ride', occurredAt, occurredOn: '2026-11-24',
      quantity: 1, dedupKey: 'direct:concurrent-1', batchId: 'direct', receivedAt: occurredAt, state: 'active',
    }]);
    expect(inserted).toEqual(new Set(['concurrent-1']));
    const rescoreBatch = rescoring.rescoreBatch.bind(rescoring);
    let interleaved = false;
    // Between the run's read of the batch and its write, another writer appends to one chain.
    rescoring.rescoreBatch = async (subjects, ...rest) => {
      if (!interleaved && subjects.some((s) => s.id === subjectId)) {
        interleaved = true;
        await rescoring.appendEntries(subjectId, () => [{ ruleSetId: 'manual', ruleSetVersion: '1', ref: 'adjustment:concurrent', centipoints: 500, reason: 'adjusted' }]);
      }
      return rescoreBatch(subjects, ...rest);
    };
    try {
      const run = await recompute.start(systemActor);
      expect(await recompute.run(run.id)).toMatchObject({ state: 'completed', processed: 9, total: 9 });
    } finally {
      rescoring.rescoreBatch = rescoreBatch;
    }
    expect(interleaved).toBe(true);
    const token = await t.api.login('admin');
    const verification = await t.api.get(`/api/points/subjects/${subjectId}/ledger/verify`, token);
    expect(verification.body).toMatchObject({ ok: true, firstBroken: null });
    const entries = await t.platform.connection.db!.collection('points_ledger').find({ subjectId, ref: 'adjustment:concurrent' }).sort({ seq: 1 }).toArray();
    expect(entries.map((e) => [e['centipoints'], e['reason']])).toEqual([[500, 'adjusted'], [-500, 'withdrawn']]);
    const event = await t.platform.connection.db!.collection('points_events').findOne({ partnerEventId: 'concurrent-1' });
    const counted = await t.platform.connection.db!.collection('points_ledger').find({ subjectId, ref: `event:${String(event!['_id'])}` }).toArray();
    expect(counted.map((e) => e['centipoints'])).toEqual([120]);
    const snapshot = await t.platform.services.points.repositories.snapshots.find(subjectId);
    const chain = await t.platform.connection.db!.collection('points_ledger').find({ subjectId }).toArray();
    expect(snapshot!.ledgerBalanceCentipoints).toBe(chain.reduce((sum, e) => sum + (e['centipoints'] as number), 0));
  });
});

describe('evidence that arrives between the reads of a rescoring', () => {
  test('an event ingested after its subject’s events were read but before its ledger was is not withdrawn: the subject is read again, ledger first', async () => {
    const { rescoring } = t.platform.services.points;
    const { population } = t.platform.services.points.repositories;
    const subjectId = kit.subjects['Ayigul Mamat']!;
    const subject = (await population.find(subjectId))!;
    const admin = await t.api.login('admin');
    const partner = await partnerWithKey(t, admin, 'Race Bus', ['bus_ride']);
    const before = await rescoring.readBatch([subject]);
    await sendEvents(t, partner.key, 'race-batch-0001', [busRide('race-1', subjectId, '2026-11-23T01:00:00Z')]);
    const after = await rescoring.readBatch([subject]);
    // Events as read before the ingest, ledger as read after it: the ledger holds the new ride's points.
    await rescoring.rescoreBatch([subject], rescoring.today(), 'race-run', { ...after, events: before.events, submissions: before.submissions });
    const event = await t.platform.connection.db!.collection('points_events').findOne({ partnerEventId: 'race-1' });
    const entries = await t.platform.connection.db!.collection('points_ledger').find({ subjectId, ref: `event:${String(event!['_id'])}` }).sort({ seq: 1 }).toArray();
    expect(entries.map((e) => [e['centipoints'], e['reason']])).toEqual([[120, 'counted']]);
    const verification = await t.api.get(`/api/points/subjects/${subjectId}/ledger/verify`, admin);
    expect(verification.body).toMatchObject({ ok: true });
  });
});
