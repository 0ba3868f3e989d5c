// Shared steps of the points API tests: demo logins, a data partner with a key, batches of events.
import type { TestPlatform } from '../../../../test-support/test-platform.js';

export const start = new Date('2026-11-20T04:00:00Z');

export interface Kit {
  tokens: Record<string, string>;
  subjects: Record<string, string>;
}

export async function loginAll(t: TestPlatform, users: readonly string[]): Promise<Kit> {
  const tokens: Record<string, string> = {};
  for (const user of users) tokens[user] = await t.api.login(user);
  const subjects: Record<string, string> = {};
  const listed = await t.api.get('/api/subjects?limit=200', tokens['admin']);
  for (const s of listed.body.items as { id: string; nameEn: string }[]) subjects[s.nameEn] = s.id;
  return { tokens, subjects };
}

let partnerSeq = 0;

/** Registers a data partner and issues it a key for the given event types. */
export async function partnerWithKey(t: TestPlatform, adminToken: string, name: string, eventTypes: string[]): Promise<{ id: string; key: string; code: string }> {
  partnerSeq += 1;
  const code = `91650100MA7P${String(partnerSeq).padStart(4, '0')}${name.slice(0, 2).toUpperCase().padEnd(2, 'X')}`;
  const institution = await t.api.post('/api/institutions', { name: `${name}数据伙伴`, nameEn: `${name} partner`, type: 'data_partner', region: '乌鲁木齐', code }, adminToken);
  if (institution.status !== 201) throw new Error(`partner: ${JSON.stringify(institution.body)}`);
  const key = await t.api.post(`/api/points/partners/${institution.body.id}/keys`, { label: `${name} key`, eventTypes }, adminToken);
  if (key.status !== 201) throw new Error(`key: ${JSON.stringify(key.body)}`);
  return { id: institution.body.id, key: key.body.key, code };
}

export function sendEvents(t: TestPlatform, key: string, idempotencyKey: string | undefined, events: unknown[]) {
  return t.api.request('POST', '/api/points/partner/events', {
    body: { events },
    headers: { Authorization: `ApiKey ${key}`, ...(idempotencyKey ? { 'Idempotency-Key': idempotencyKey } : {}) },
  });
}

export function busRide(id: string, subjectId: string, occurredAt: string, extra: Record<string, unknown> = {}) {
  return { partnerEventId: id, subjectId, type: 'bus_ride', occurredAt, quantity: 1, ...extra };
}

/** Digest of the points collections only (the audit trail records every request, even a no-op). */
export async function pointsDigest(t: TestPlatform): Promise<Record<string, number>> {
  const db = t.platform.connection.db!;
  const out: Record<string, number> = {};
  for (const name of ['points_events', 'points_ledger', 'points_snapshots', 'points_ingest_batches']) out[name] = await db.collection(name).countDocuments();
  const ledger = await db.collection('points_ledger').find({}).sort({ _id: 1 }).toArray();
  out['ledger_sum'] = ledger.reduce((a, e) => a + Number(e['centipoints']), 0);
  return out;
}
