// Cross-cutting security checks (the single-endpoint auth behaviour is in backend/src/http/__tests__/auth.test.ts):
// security headers on every kind of answer, the login rate limit and lockout not bypassed by forged
// forwarding headers or username case, expired tokens refused by every protected endpoint, passwords
// and hashes never in any answer or log line, statistics downloads scoped to the caller's bank, and
// error bodies without stack traces or internals, even for an unexpected crash.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { pino } from 'pino';
import { startTestPlatform, type TestPlatform } from '../../backend/test-support/test-platform.js';
import { routes } from '../../backend/src/http/routes/index.js';
import { createApp } from '../../backend/src/http/app.js';
import { demoPassword, demoUsers } from '../../backend/src/demo/demo-data.js';
import type { RouteSpec } from '../../backend/src/http/route.js';

let t: TestPlatform;
const tokens = new Map<string, string>();
const logLines: string[] = [];
const figures: string[] = [];
const newUserPassword = 'Sicher-Passwort-2026!';

const ttlSeconds = 900;
const idLike = '0123456789abcdef01234567';
const concretePath = (route: RouteSpec) => route.path.replace(/:([A-Za-z]+)/g, () => idLike);

beforeAll(async () => {
  t = await startTestPlatform({ seedDemo: true, serveWebApp: true, env: { LOG_LEVEL: 'debug', LOGIN_MAX_FAILURES: '3', ACCESS_TOKEN_TTL_SECONDS: String(ttlSeconds) } });
  // Capture every log line the platform writes from here on (and keep them off the test output).
  const stream = (t.platform.logger as unknown as Record<symbol, { write: (s: string) => boolean }>)[pino.symbols.streamSym]!;
  stream.write = (line: string) => {
    logLines.push(line);
    return true;
  };
  for (const user of demoUsers) tokens.set(user.username, await t.api.login(user.username));
});
afterAll(async () => {
  console.log(['security:', ...figures.map((f) => `  ${f}`)].join('\n'));
  await t.close();
});

describe('security', () => {
  test('security headers on API answers, errors, downloads and the web app', async () => {
    const answers = {
      'GET /api/health': await fetch(`${t.baseUrl}/api/health`),
      'GET /api/me (401)': await fetch(`${t.baseUrl}/api/me`),
      'GET /api/no-such-endpoint (404)': await fetch(`${t.baseUrl}/api/no-such-endpoint`),
      'POST /api/auth/login malformed (400)': await fetch(`${t.baseUrl}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{' }),
      'GET statistics CSV': await fetch(`${t.baseUrl}/api/statistics/green-finance.csv`, { headers: { Authorization: `Bearer ${tokens.get('regulator')!}` } }),
      'GET / (web app)': await fetch(`${t.baseUrl}/`),
      'GET /points (deep link)': await fetch(`${t.baseUrl}/points`),
    };
    const missing: string[] = [];
    for (const [name, res] of Object.entries(answers)) {
      await res.arrayBuffer();
      const h = res.headers;
      const csp = h.get('content-security-policy') ?? '';
      const checks: [string, boolean][] = [
        ['CSP default-src self', csp.includes("default-src 'self'")],
        ['CSP script-src self only', /script-src 'self'(;|$)/.test(csp)],
        ['CSP frame-ancestors', csp.includes("frame-ancestors 'self'") || csp.includes("frame-ancestors 'none'")],
        ['nosniff', h.get('x-content-type-options') === 'nosniff'],
        ['frame options', ['SAMEORIGIN', 'DENY'].includes(h.get('x-frame-options') ?? '')],
        ['HSTS', (h.get('strict-transport-security') ?? '').includes('max-age=')],
        ['referrer policy', h.get('referrer-policy') === 'no-referrer'],
        ['COOP', h.get('cross-origin-opener-policy') === 'same-origin'],
        ['no X-Powered-By', h.get('x-powered-by') === null],
        ['request id', /^[A-Za-z0-9._-]{8,100}$/.test(h.get('x-request-id') ?? '')],
      ];
      for (const [check, ok] of checks) if (!ok) missing.push(`${name}: ${check}`);
    }
    figures.push(`security headers: ${Object.keys(answers).length} kinds of answer × 10 checks, ${missing.length} missing`);
    expect(missing).toEqual([]);
    // Cross-origin calls get no CORS grant (none configured).
    const cors = await fetch(`${t.baseUrl}/api/health`, { headers: { Origin: 'https://evil.example' } });
    expect(cors.headers.get('access-control-allow-origin')).toBeNull();
  });

  test('the login rate limit is not bypassed by forged X-Forwarded-For headers (TRUST_PROXY off)', async () => {
    const limited = await startTestPlatform({ env: { LOGIN_ATTEMPTS_PER_MINUTE: '5' } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 8; i++) {
        const res = await limited.api.request('POST', '/api/auth/login', { body: { username: `nobody${i}`, password: 'wrong-password' }, headers: { 'X-Forwarded-For': `203.0.113.${i + 1}`, 'X-Real-IP': `198.51.100.${i + 1}` } });
        statuses.push(res.status);
      }
      figures.push(`login rate limit (5/min) with 8 forged forwarding addresses: ${statuses.join(' ')}`);
      expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429, 429]);
    } finally {
      await limited.close();
    }
  });

  test('the lockout is not bypassed by changing the username’s case; the right password is refused while locked', async () => {
    const failures = [];
    for (const username of ['walnut.coop', 'WALNUT.COOP', 'Walnut.Coop']) failures.push(await t.api.post('/api/auth/login', { username, password: 'not-the-password' }));
    // The third failure (LOGIN_MAX_FAILURES=3), under a third spelling, locks the one account.
    expect(failures.map((r) => r.status)).toEqual([401, 401, 423]);
    const locked = await t.api.post('/api/auth/login', { username: 'Walnut.COOP', password: demoPassword });
    expect([locked.status, locked.body.error.code]).toEqual([423, 'AUTH_LOCKED']);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    figures.push('lockout: 3 failures under 3 spellings of one username lock it; the right password then gets 423 AUTH_LOCKED');
  });

  test('an expired access token is refused by every protected endpoint', async () => {
    const token = await t.api.login('bank.officer');
    t.clock.advance((ttlSeconds + 1) * 1000);
    try {
      const protectedRoutes = routes.filter((r) => r.access !== 'public');
      const answers = await Promise.all(protectedRoutes.map(async (route) => {
        const res = await t.api.request(route.method, concretePath(route), { token, ...(route.method === 'GET' ? {} : { body: {} }) });
        return { route: route.id, status: res.status, code: (res.body as { error?: { code?: string } })?.error?.code };
      }));
      const accepted = answers.filter((a) => a.status !== 401 || a.code !== 'AUTH_TOKEN_EXPIRED');
      figures.push(`expired access token: ${answers.length} protected endpoints, ${answers.length - accepted.length} answered 401 AUTH_TOKEN_EXPIRED`);
      expect(accepted).toEqual([]);
    } finally {
      t.clock.advance(-(ttlSeconds + 1) * 1000);
    }
  });

  test('passwords and their hashes are never in an answer or a log line', async () => {
    const created = await t.api.post('/api/users', { username: 'security.check', displayName: '安全检查', password: newUserPassword, roles: ['bank_officer'], institutionId: (await t.api.get('/api/me', tokens.get('bank.officer'))).body.institution.id }, tokens.get('admin'));
    expect(created.status).toBe(201);
    const login = await t.api.post('/api/auth/login', { username: 'security.check', password: newUserPassword });
    await t.api.post('/api/auth/login', { username: 'security.check', password: `${newUserPassword}x` });
    const bodies: string[] = [JSON.stringify(created.body), JSON.stringify(login.body)];
    // Every GET endpoint without path parameters, as one user of every role.
    const gets = routes.filter((r) => r.method === 'GET' && !r.path.includes(':'));
    const oneUserPerRole = [...new Map(demoUsers.map((u) => [u.roles[0], u])).values()];
    for (const user of oneUserPerRole) {
      const token = tokens.get(user.username)!;
      await Promise.all(gets.map(async (route) => {
        const res = await fetch(`${t.baseUrl}${route.path}`, { headers: { Authorization: `Bearer ${token}` } });
        const type = res.headers.get('content-type') ?? '';
        if (type.includes('json') || type.includes('csv') || type.includes('text')) bodies.push(await res.text());
        else await res.arrayBuffer();
      }));
    }
    const secret = /EcoDemo2026|Sicher-Passwort-2026|\$argon2|passwordHash|"password"|tokenHash|keyHash/;
    const leakingBodies = bodies.filter((b) => secret.test(b));
    const leakingLogs = logLines.filter((l) => secret.test(l.replace(/"password":"\[redacted\]"/g, '')));
    figures.push(`passwords: ${bodies.length} answers (${gets.length} endpoints × ${oneUserPerRole.length} roles, user creation, logins) and ${logLines.length} log lines searched, ${leakingBodies.length + leakingLogs.length} leaks`);
    expect(leakingBodies.map((b) => b.slice(0, 200))).toEqual([]);
    expect(leakingLogs.map((l) => l.slice(0, 300))).toEqual([]);
  });

  test('statistics downloads are scoped to the caller’s bank', async () => {
    const me = async (u: string) => (await t.api.get('/api/me', tokens.get(u))).body.institution as { id: string; name: string };
    const tarim = await me('bank.officer');
    const bosten = await me('bosten.officer');
    const csv = async (u: string, query = '') => {
      const res = await fetch(`${t.baseUrl}/api/statistics/green-finance.csv${query}`, { headers: { Authorization: `Bearer ${tokens.get(u)!}` } });
      return { status: res.status, text: await res.text() };
    };
    const all = await csv('regulator');
    const own = await csv('bank.officer');
    expect([all.status, own.status]).toEqual([200, 200]);
    expect([all.text.includes(tarim.name), all.text.includes(bosten.name)]).toEqual([true, true]);
    expect([own.text.includes(tarim.name), own.text.includes(bosten.name)]).toEqual([true, false]);
    const refused: { path: string; user: string; status: number }[] = [];
    for (const ext of ['csv', 'pdf', '']) {
      const path = `/api/statistics/green-finance${ext ? `.${ext}` : ''}?bankId=${bosten.id}`;
      for (const user of ['bank.officer', 'bank.approver', 'ebinur.officer']) refused.push({ path, user, status: (await t.api.get(path, tokens.get(user))).status });
      for (const user of ['enterprise', 'citizen', 'guarantee.officer', 'reviewer', 'issuer']) refused.push({ path: path.split('?')[0]!, user, status: (await t.api.get(path.split('?')[0]!, tokens.get(user))).status });
    }
    const stress = await fetch(`${t.baseUrl}/api/portfolio/stress/report.pdf`, { headers: { Authorization: `Bearer ${tokens.get('citizen')!}` } });
    refused.push({ path: '/api/portfolio/stress/report.pdf', user: 'citizen', status: stress.status });
    figures.push(`statistics downloads: a bank's CSV names only itself; ${refused.length} requests for another bank's or by non-banks refused (${refused.filter((r) => r.status === 403).length} × 403)`);
    expect(refused.filter((r) => r.status !== 403)).toEqual([]);
  });

  test('error bodies carry no stack trace or internals, even for an unexpected crash', async () => {
    const boom: RouteSpec = {
      id: 'test.boom', method: 'GET', path: '/api/test-boom', summary: 'crashes', tag: 'test', access: 'public',
      handler: () => {
        throw new Error('E11000 duplicate key error collection: eco.users at /work/main/backend/src/secret.ts:42');
      },
    };
    const server: Server = await new Promise((resolve) => {
      const s = createApp(t.platform, { routes: [...routes, boom], serveWebApp: false }).listen(0, '127.0.0.1', () => resolve(s));
    });
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const token = tokens.get('bank.officer')!;
      const requests: [string, RequestInit][] = [
        ['/api/test-boom', {}],
        ['/api/no-such-endpoint', {}],
        ['/api/health', { method: 'DELETE' }],
        ['/api/auth/login', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"username":' }],
        ['/api/auth/login', { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: 'x' }],
        ['/api/me', { headers: { Authorization: 'Bearer not.a.valid.token.at.all' } }],
        [`/api/loans/${idLike}`, { headers: { Authorization: `Bearer ${token}` } }],
        ['/api/loans/not-an-id', { headers: { Authorization: `Bearer ${token}` } }],
        ['/api/loans?limit=-1', { headers: { Authorization: `Bearer ${token}` } }],
        [`/api/loans/${idLike}/approve`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ note: { $gt: '' } }) }],
      ];
      const leaks: string[] = [];
      for (const [path, init] of requests) {
        const res = await fetch(`${base}${path}`, init);
        const text = await res.text();
        const body = JSON.parse(text) as { error: { code: string; message: string } };
        if (typeof body.error?.code !== 'string' || res.status < 400) leaks.push(`${path}: ${res.status} ${text}`);
        if (/\bat .+:\d+|\/work\/|node_modules|\.ts\b|E11000|MongoServerError|Cast to ObjectId|stack/i.test(text)) leaks.push(`${path}: ${text.slice(0, 200)}`);
      }
      const crash = await (await fetch(`${base}/api/test-boom`)).json() as { error: { code: string; details: { requestId: string } } };
      expect(crash.error.code).toBe('INTERNAL');
      // The crash is in the log under its request id (where an operator finds it), not in the answer.
      expect(logLines.some((l) => l.includes(crash.error.details.requestId) && l.includes('unhandled error'))).toBe(true);
      figures.push(`error bodies: ${requests.length} kinds of error (crash, 404, 405, malformed JSON, media type, bad token, other tenant, bad id, bad query, operator object), ${leaks.length} with internals`);
      expect(leaks).toEqual([]);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
