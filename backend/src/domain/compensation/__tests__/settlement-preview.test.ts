import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { databaseDigest, startTestPlatform, type TestPlatform } from '../../../../test-support/test-platform.js';

let t: TestPlatform;
let admin: string;

beforeAll(async () => {
  t = await startTestPlatform({ seedDemo: true, start: new Date('2026-11-29T08:00:00Z') });
  admin = await t.api.login('admin');
}, 120_000);
afterAll(() => t.close());

describe('the settlement preview shown before a period is run', () => {
  test('Hotan 2026 with 962 million m³ delivered: 38 million m³ short × 6 fen = 228 000 000 fen paid by the upstream party, line by line, writing nothing', async () => {
    const hotan = (await t.api.get('/api/compensation/agreements?basinCode=hotan', admin)).body.items[0];
    const before = await databaseDigest(t.platform);
    const res = await t.api.post(`/api/compensation/agreements/${hotan.id}/settlements/preview`, { period: '2026', monitoring: { deliveredM3: '962000000' } }, admin);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ period: '2026', existing: null, result: { payer: 'upstream', payee: 'downstream', amountFen: 228_000_000 } });
    expect(res.body.result.lines.map((l: any) => [l.code, l.payer, l.amountFen])).toEqual([['water_quantity', 'upstream', 228_000_000]]);
    expect(await databaseDigest(t.platform)).toEqual(before);
  });

  test('a period with an open settlement names it; bad monitoring is a 400 with the field', async () => {
    const hotan = (await t.api.get('/api/compensation/agreements?basinCode=hotan', admin)).body.items[0];
    const open = (await t.api.post(`/api/compensation/agreements/${hotan.id}/settlements/preview`, { period: '2025', monitoring: { deliveredM3: '955000000' } }, admin)).body;
    expect(open.existing.state).toBe('PENDING_CONFIRMATION');
    const bad = await t.api.post(`/api/compensation/agreements/${hotan.id}/settlements/preview`, { period: '2026', monitoring: {} }, admin);
    expect([bad.status, bad.body.error.code]).toEqual([400, 'COMPENSATION_INPUT_INVALID']);
  });
});
