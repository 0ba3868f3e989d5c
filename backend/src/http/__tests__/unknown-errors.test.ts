import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { pino } from 'pino';
import { Writable } from 'node:stream';
import { createApp } from '../app.js';
import type { RouteSpec } from '../route.js';
import { startTestPlatform, type TestPlatform } from '../../../test-support/test-platform.js';

let t: TestPlatform;
let baseUrl: string;
let server: ReturnType<ReturnType<typeof createApp>['listen']>;
const logged: string[] = [];

const failingRoute: RouteSpec = {
  id: 'test.explode', method: 'GET', path: '/api/test/explode', summary: 'always fails', tag: 'test', access: 'public',
  handler: async () => {
    throw new Error('database password is hunter2 at 10.0.0.5');
  },
};

beforeAll(async () => {
  t = await startTestPlatform();
  const logger = pino({ level: 'error' }, new Writable({ write(chunk, _e, done) { logged.push(String(chunk)); done(); } }));
  const app = createApp({ ...t.platform, logger }, { routes: [failingRoute], serveWebApp: false });
  server = await new Promise((resolve) => { const s = app.listen(0, '127.0.0.1', () => resolve(s)); });
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
  await t.close();
});

describe('an unexpected error', () => {
  test('answers 500 INTERNAL with the request id and no internals', async () => {
    const res = await fetch(`${baseUrl}/api/test/explode`, { headers: { 'X-Request-Id': 'req-explode-0001' } });
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({
      error: { code: 'INTERNAL', message: 'something went wrong on our side; the request id identifies it in our logs', details: { requestId: 'req-explode-0001' } },
    });
  });

  test('is logged with its stack and the request id, for the operators', () => {
    const line = logged.find((l) => l.includes('unhandled error'))!;
    expect(JSON.parse(line)).toMatchObject({ requestId: 'req-explode-0001', err: { message: 'database password is hunter2 at 10.0.0.5' } });
  });
});
