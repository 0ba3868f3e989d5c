// The router's audit fallback: a state-changing request the domain did not record leaves one record;
// the same request resent under the same Idempotency-Key records nothing new (a replay changes nothing).
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { startTestPlatform, type TestPlatform } from '../../../test-support/test-platform.js';
import { systemActor } from '../../demo/seed-demo.js';
import { createApp } from '../app.js';
import type { RouteSpec } from '../route.js';

let t: TestPlatform;
let server: Server;
let base = '';
let token = '';

const touch: RouteSpec = {
  id: 'test.touch', method: 'POST', path: '/api/test-touch', summary: 'changes state without an audit record of its own', tag: 'test', access: 'authenticated',
  handler: async () => ({ touched: true }),
};

beforeAll(async () => {
  t = await startTestPlatform();
  const { directory } = t.platform.services;
  const institution = await directory.createInstitution(systemActor, { name: '重放测试运营中心', type: 'platform_operator', region: '乌鲁木齐', code: '12650000MB1A00091X' });
  await directory.createUser(systemActor, { username: 'replay.admin', displayName: '重放测试', password: 'Replay-Check-2026', roles: ['admin'], institutionId: institution.id });
  server = await new Promise((resolve) => {
    const s = createApp(t.platform, { routes: [touch], serveWebApp: false }).listen(0, '127.0.0.1', () => resolve(s));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  token = await t.api.login('replay.admin', 'Replay-Check-2026');
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await t.close();
});

const send = (key?: string) => fetch(`${base}/api/test-touch`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, ...(key ? { 'Idempotency-Key': key } : {}) } });
const fallbackRecords = async () => (await t.platform.services.audit.list({ limit: 100, offset: 0 }, { entityType: 'request' })).items.filter((r) => r.action === 'test.touch');

describe('audit fallback and Idempotency-Key', () => {
  test('a request resent with the same key is recorded once; a new key or no key records again', async () => {
    for (let i = 0; i < 3; i++) expect((await send('touch-key-0001')).status).toBe(200);
    expect((await fallbackRecords()).map((r) => r.idempotencyKey)).toEqual(['touch-key-0001']);
    expect((await send('touch-key-0002')).status).toBe(200);
    expect((await send()).status).toBe(200);
    expect((await send()).status).toBe(200);
    expect((await fallbackRecords()).map((r) => r.idempotencyKey ?? null)).toEqual([null, null, 'touch-key-0002', 'touch-key-0001']);
  });
});
