import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { startTestPlatform, type TestPlatform } from '../../../../test-support/test-platform.js';
import { busRide, loginAll, partnerWithKey, pointsDigest, sendEvents, start, type Kit } from './points-test-kit.js';

let t: TestPlatform;
let kit: Kit;
let transit: { id: string; key: string; code: string };
let metro: { id: string; key: string; code: string };
const zhang = () => kit.subjects['Zhang Wei']!;

beforeAll(async () => {
  t = await startTestPlatform({ seedDemo: true, start });
  kit = await loginAll(t, ['admin', 'citizen2']);
  transit = await partnerWithKey(t, kit.tokens['admin']!, 'Urumqi Bus', ['bus_ride']);
  metro = await partnerWithKey(t, kit.tokens['admin']!, 'Bole Transit', ['bus_ride', 'metro_trip_km']);
}, 120_000);
afterAll(() => t.close());

const summaryOf = async (subjectId: string) => (await t.api.get(`/api/points/subjects/${subjectId}`, kit.tokens['citizen2'])).body;

describe('a partner batch keeps the valid events and lists the invalid ones one by one', () => {
  test('three valid events are stored and scored; four invalid ones are reported by index, field and reason', async () => {
    const res = await sendEvents(t, transit.key, 'batch-0001', [
      busRide('b-1', zhang(), '2026-11-18T01:00:00Z'),
      { partnerEventId: 'b-2', subjectId: zhang(), type: 'bus_ride', occurredAt: '2026-11-18T02:00:00Z' },
      busRide('b-3', zhang(), '2026-11-18T03:00:00Z'),
      busRide('b-4', zhang(), '2026-11-18T04:00:00Z', { type: 'metro_trip_km' }),
      busRide('b-5', '0123456789abcdef01234567', '2026-11-18T05:00:00Z'),
      busRide('b-6', zhang(), '2026-11-19T01:00:00Z'),
      busRide('b-7', zhang(), '2026-12-30T01:00:00Z'),
    ]);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      received: 7, stored: 3, alreadyReceived: 0, matchedOtherPartner: 0, replayed: false,
      rejected: [
        { index: 1, field: 'events.1.quantity', reason: 'quantity is required', partnerEventId: 'b-2' },
        { index: 3, field: 'events.3.type', reason: 'this partner may not report metro_trip_km events', partnerEventId: 'b-4' },
        { index: 4, field: 'events.4.subjectId', reason: 'no subject has this id', partnerEventId: 'b-5' },
        { index: 6, field: 'events.6.occurredAt', reason: 'lies in the future', partnerEventId: 'b-7' },
      ],
    });
    const summary = await summaryOf(zhang());
    expect(summary.totalCentipoints).toBe(360);
    expect(summary.ledgerBalanceCentipoints).toBe(360);
    expect(summary.ruleSetId).toBe('individual-default');
    expect(summary.ruleSetVersion).toBe('1.0.0');
  });

  test('resending the same batch with its Idempotency-Key returns the first answer and changes nothing', async () => {
    const before = await pointsDigest(t);
    const res = await sendEvents(t, transit.key, 'batch-0001', [
      busRide('b-1', zhang(), '2026-11-18T01:00:00Z'),
      { partnerEventId: 'b-2', subjectId: zhang(), type: 'bus_ride', occurredAt: '2026-11-18T02:00:00Z' },
      busRide('b-3', zhang(), '2026-11-18T03:00:00Z'),
      busRide('b-4', zhang(), '2026-11-18T04:00:00Z', { type: 'metro_trip_km' }),
      busRide('b-5', '0123456789abcdef01234567', '2026-11-18T05:00:00Z'),
      busRide('b-6', zhang(), '2026-11-19T01:00:00Z'),
      busRide('b-7', zhang(), '2026-12-30T01:00:00Z'),
    ]);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ received: 7, stored: 3, replayed: true });
    expect(await pointsDigest(t)).toEqual(before);
  });

  test('resending an event already received in a new batch stores nothing and adds no points', async () => {
    const before = await pointsDigest(t);
    const res = await sendEvents(t, transit.key, 'batch-0002', [busRide('b-1', zhang(), '2026-11-18T01:00:00Z')]);
    expect(res.body).toMatchObject({ received: 1, stored: 0, alreadyReceived: 1, rejected: [] });
    const after = await pointsDigest(t);
    expect({ ...after, points_ingest_batches: 0 }).toEqual({ ...before, points_ingest_batches: 0 });
    expect(after['points_ingest_batches']).toBe(before['points_ingest_batches']! + 1);
  });

  test('the same Idempotency-Key with a different batch is refused with 409', async () => {
    const res = await sendEvents(t, transit.key, 'batch-0002', [busRide('b-9', zhang(), '2026-11-18T09:00:00Z')]);
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'POINTS_IDEMPOTENCY_KEY_REUSED', field: 'Idempotency-Key' });
  });

  test('a batch without an Idempotency-Key is refused and writes nothing', async () => {
    const before = await pointsDigest(t);
    const res = await sendEvents(t, transit.key, undefined, [busRide('b-10', zhang(), '2026-11-18T10:00:00Z')]);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'POINTS_IDEMPOTENCY_KEY_REQUIRED', field: 'Idempotency-Key' });
    expect(await pointsDigest(t)).toEqual(before);
  });
});

describe('two partners reporting the same ride count it once and keep both as evidence', () => {
  test('the second report within the window shares the first one’s dedup key: the total stays 360', async () => {
    const res = await sendEvents(t, metro.key, 'metro-0001', [busRide('m-77', zhang(), '2026-11-18T01:10:00Z')]);
    expect(res.body).toMatchObject({ stored: 1, matchedOtherPartner: 1 });
    expect((await summaryOf(zhang())).totalCentipoints).toBe(360);
  });

  test('the explanation lists the ride twice: counted from one partner, duplicate from the other', async () => {
    const explanation = (await t.api.get(`/api/points/subjects/${zhang()}/explanation`, kit.tokens['citizen2'])).body;
    const rides = explanation.result.lines.filter((l: { occurredOn: string; eventType: string }) => l.occurredOn === '2026-11-18' && l.eventType === 'bus_ride');
    expect(rides.map((l: { reason: string; centipoints: number; evidence: { source: string } }) => [l.evidence.source, l.reason, l.centipoints]).sort()).toEqual([
      [metro.code, 'duplicate', 0],
      [transit.code, 'counted', 120],
      [transit.code, 'counted', 120],
    ].sort());
  });

  test('a ride of another quantity or outside the window is a different behaviour and counts', async () => {
    const res = await sendEvents(t, metro.key, 'metro-0002', [busRide('m-78', zhang(), '2026-11-18T03:45:00Z')]);
    expect(res.body).toMatchObject({ stored: 1, matchedOtherPartner: 0 });
    expect((await summaryOf(zhang())).totalCentipoints).toBe(480);
  });
});

describe('partner credentials', () => {
  test('an unknown API key answers 401', async () => {
    const res = await sendEvents(t, 'eco_thisKeyWasNeverIssuedToAnyone', 'batch-x001', [busRide('x', zhang(), '2026-11-18T01:00:00Z')]);
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('POINTS_API_KEY_INVALID');
  });

  test('an API key opens only the partner route: a points account answers 401', async () => {
    const res = await t.api.request('GET', `/api/points/subjects/${zhang()}`, { headers: { Authorization: `ApiKey ${transit.key}` } });
    expect(res.status).toBe(401);
  });

  test('a citizen’s token cannot ingest (403 naming points.ingest)', async () => {
    const res = await t.api.request('POST', '/api/points/partner/events', { body: { events: [] }, token: kit.tokens['citizen2'], headers: { 'Idempotency-Key': 'citizen-01' } });
    expect(res.status).toBe(403);
  });

  test('keys are issued to data partners only', async () => {
    const institutions = await t.api.get('/api/institutions?limit=50&type=bank', kit.tokens['admin']);
    const res = await t.api.post(`/api/points/partners/${institutions.body.items[0].id}/keys`, { label: 'bank key', eventTypes: ['bus_ride'] }, kit.tokens['admin']);
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe('institutionId');
  });
});

describe('a full batch', () => {
  test('10,000 events in one request (about 1.3 MB of JSON) are accepted: the bulk route’s own body limit', async () => {
    const base = Date.parse('2026-09-01T00:00:00Z');
    const events = Array.from({ length: 10_000 }, (_, i) => busRide(`full-${i}`, zhang(), new Date(base + i * 60_000).toISOString()));
    expect(JSON.stringify({ events }).length).toBeGreaterThan(1024 * 1024);
    const res = await sendEvents(t, transit.key, 'batch-full-10000', events);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ received: 10_000, rejected: [] });
  }, 120_000);

  test('other endpoints keep the default 1 MB limit', async () => {
    const res = await t.api.request('POST', '/api/auth/login', { rawBody: JSON.stringify({ username: 'x'.repeat(1_100_000), password: 'y' }), headers: { 'Content-Type': 'application/json' } });
    expect(res.status).toBe(413);
  });
});
