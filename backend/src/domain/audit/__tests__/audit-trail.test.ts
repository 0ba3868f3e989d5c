import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { startTestPlatform, type TestPlatform } from '../../../../test-support/test-platform.js';
import { genesisHash, hashRecord } from '../audit-trail.js';
import { canonicalJson } from '../canonical-json.js';

let t: TestPlatform;
const actor = { requestId: 'req-audit-test', idempotencyKey: 'idem-key-0001' };
beforeAll(async () => {
  t = await startTestPlatform();
});
afterAll(() => t.close());
const records = () => t.platform.connection.db!.collection('audit_records');

describe('canonical JSON', () => {
  test('sorts keys at every depth, drops undefined and writes dates as ISO strings', () => {
    expect(canonicalJson({ b: 1, a: { d: undefined, c: new Date('2026-01-02T03:04:05.000Z') }, e: [undefined, 2] })).toBe(
      '{"a":{"c":"2026-01-02T03:04:05.000Z"},"b":1,"e":[null,2]}',
    );
  });
});

describe('the audit chain', () => {
  test('the first record links to the genesis hash, each next one to its predecessor', async () => {
    const first = await t.platform.services.audit.append(actor, { action: 'test.one', entityType: 'thing', entityId: 'a', after: { colour: 'green' } });
    const second = await t.platform.services.audit.append(actor, { action: 'test.two', entityType: 'thing', entityId: 'a', before: { colour: 'green' }, after: { colour: 'blue' } });
    expect(first.seq).toBe(1);
    expect(first.prevHash).toBe(genesisHash);
    expect(second.prevHash).toBe(first.hash);
    expect(second.changes).toEqual({ before: { colour: 'green' }, after: { colour: 'blue' } });
    expect(second.requestId).toBe('req-audit-test');
    expect(second.idempotencyKey).toBe('idem-key-0001');
    const { hash, ...rest } = second;
    expect(hashRecord(rest)).toBe(hash);
  });

  test('50 concurrent appends produce one unbroken chain with no gaps', async () => {
    await Promise.all(Array.from({ length: 50 }, (_, i) => t.platform.services.audit.append(actor, { action: 'test.concurrent', entityType: 'thing', entityId: String(i) })));
    const result = await t.platform.services.audit.verify();
    expect(result).toEqual({ ok: true, checked: 52, firstBroken: null });
  });

  test('a modified record is detected and named', async () => {
    await records().updateOne({ seq: 10 }, { $set: { entityId: 'tampered' } });
    expect(await t.platform.services.audit.verify()).toEqual({
      ok: false, checked: 9, firstBroken: { seq: 10, reason: 'its contents do not match its hash (the record was modified)' },
    });
  });

  test('a record rewritten with a fresh hash breaks the next link', async () => {
    const original = (await records().findOne({ seq: 10 }))!;
    const { _id, hash: _old, ...rest } = original;
    await records().updateOne({ seq: 10 }, { $set: { hash: hashRecord(rest as never) } });
    expect((await t.platform.services.audit.verify()).firstBroken).toEqual({ seq: 11, reason: 'its prevHash does not match the previous record’s hash' });
  });

  test('a deleted record is detected and named', async () => {
    await records().deleteOne({ seq: 10 });
    expect((await t.platform.services.audit.verify()).firstBroken).toEqual({ seq: 10, reason: 'record 10 is missing (next present is 11)' });
  });

  test('the API endpoint reports the same verdict', async () => {
    const seeded = await startTestPlatform({ seedDemo: true });
    try {
      const admin = await seeded.api.login('admin');
      const ok = await seeded.api.get('/api/audit/verify', admin);
      expect(ok.body.ok).toBe(true);
      await seeded.platform.connection.db!.collection('audit_records').updateOne({ seq: 3 }, { $set: { action: 'forged' } });
      const broken = await seeded.api.get('/api/audit/verify', admin);
      expect(broken.body).toMatchObject({ ok: false, checked: 2, firstBroken: { seq: 3 } });
    } finally {
      await seeded.close();
    }
  });
});
