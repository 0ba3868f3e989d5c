import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { startTestPlatform, type TestPlatform } from '../../../test-support/test-platform.js';

let t: TestPlatform;
beforeAll(async () => {
  t = await startTestPlatform({ seedDemo: true, env: { LOGIN_MAX_FAILURES: '3', LOGIN_LOCKOUT_SECONDS: '600', ACCESS_TOKEN_TTL_SECONDS: '900', AUTH_PRINCIPAL_CACHE_SECONDS: '1' } });
});
afterAll(() => t.close());

describe('logging in', () => {
  test('the right password returns tokens and the user with roles, permissions and institution', async () => {
    const res = await t.api.post('/api/auth/login', { username: 'bank.officer', password: 'EcoDemo2026' });
    expect(res.status).toBe(200);
    expect(res.body.expiresIn).toBe(900);
    expect(typeof res.body.accessToken).toBe('string');
    expect(res.body.refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(res.body.user).toMatchObject({
      username: 'bank.officer',
      roles: ['bank_officer'],
      permissions: ['loans.review', 'bonds.issue', 'prices.read', 'valuations.request', 'alerts.read', 'securitisation.originate', 'damage.read'],
      institution: { name: '塔里木农村商业银行', type: 'bank' },
      subject: null,
    });
  });

  test('usernames are case-insensitive', async () => {
    expect((await t.api.post('/api/auth/login', { username: 'Citizen', password: 'EcoDemo2026' })).status).toBe(200);
  });

  test('a wrong password and an unknown user get the same 401 answer', async () => {
    const wrong = await t.api.post('/api/auth/login', { username: 'regulator', password: 'not-the-password1' });
    const unknown = await t.api.post('/api/auth/login', { username: 'nobody', password: 'not-the-password1' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual({ error: { code: 'AUTH_INVALID_CREDENTIALS', message: 'username or password is incorrect' } });
    expect(unknown.body).toEqual(wrong.body);
  });

  test('the account locks after the configured number of failures, even for the right password, until the lockout ends', async () => {
    const attempt = (password: string) => t.api.post('/api/auth/login', { username: 'org', password });
    expect((await attempt('wrong-password-1')).status).toBe(401);
    expect((await attempt('wrong-password-2')).status).toBe(401);
    const third = await attempt('wrong-password-3');
    expect(third.status).toBe(423);
    expect(third.body.error.code).toBe('AUTH_LOCKED');
    expect(third.body.error.details.retryAfterSeconds).toBe(600);
    expect(third.headers.get('retry-after')).toBe('600');

    const rightButLocked = await attempt('EcoDemo2026');
    expect(rightButLocked.status).toBe(423);

    t.clock.advance(601_000);
    expect((await attempt('EcoDemo2026')).status).toBe(200);
  });

  test('a successful login resets the failure count', async () => {
    const attempt = (password: string) => t.api.post('/api/auth/login', { username: 'walnut.coop', password });
    await attempt('wrong-password-1');
    await attempt('wrong-password-2');
    expect((await attempt('EcoDemo2026')).status).toBe(200);
    expect((await attempt('wrong-password-3')).status).toBe(401); // counts from zero again: 1 of 3
  });

  test('failed logins and lockouts are in the audit trail', async () => {
    const page = await t.platform.services.audit.list({ limit: 200, offset: 0 }, { entityType: 'user' });
    const actions = page.items.map((r) => r.action);
    expect(actions).toContain('auth.login_failed');
    expect(actions).toContain('auth.locked');
    expect(actions).toContain('auth.login');
  });
});

describe('tokens', () => {
  test('a request without a token is refused with AUTH_REQUIRED', async () => {
    const res = await t.api.get('/api/me');
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('AUTH_REQUIRED');
  });

  test('a forged or malformed token is refused with AUTH_TOKEN_INVALID', async () => {
    const token = await t.api.login('citizen');
    const forged = token.slice(0, -4) + (token.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    expect((await t.api.get('/api/me', forged)).body.error.code).toBe('AUTH_TOKEN_INVALID');
    const res = await t.api.request('GET', '/api/me', { headers: { Authorization: 'Basic abc' } });
    expect(res.body.error.code).toBe('AUTH_TOKEN_INVALID');
  });

  test('an access token works until it expires, then says AUTH_TOKEN_EXPIRED', async () => {
    const token = await t.api.login('citizen');
    expect((await t.api.get('/api/me', token)).status).toBe(200);
    t.clock.advance(899_000);
    expect((await t.api.get('/api/me', token)).status).toBe(200);
    t.clock.advance(2_000);
    const expired = await t.api.get('/api/me', token);
    expect(expired.status).toBe(401);
    expect(expired.body.error.code).toBe('AUTH_TOKEN_EXPIRED');
  });

  test('a refresh token gives a new pair once; the new access token works', async () => {
    const login = await t.api.post('/api/auth/login', { username: 'regulator', password: 'EcoDemo2026' });
    t.clock.advance(1000);
    const refreshed = await t.api.post('/api/auth/refresh', { refreshToken: login.body.refreshToken });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.refreshToken).not.toBe(login.body.refreshToken);
    expect((await t.api.get('/api/me', refreshed.body.accessToken)).body.username).toBe('regulator');
  });

  test('reusing a rotated refresh token revokes the whole session family', async () => {
    const login = await t.api.post('/api/auth/login', { username: 'reviewer', password: 'EcoDemo2026' });
    const first = await t.api.post('/api/auth/refresh', { refreshToken: login.body.refreshToken });
    const replay = await t.api.post('/api/auth/refresh', { refreshToken: login.body.refreshToken });
    expect(replay.status).toBe(401);
    expect(replay.body.error.code).toBe('AUTH_TOKEN_INVALID');
    const afterTheft = await t.api.post('/api/auth/refresh', { refreshToken: first.body.refreshToken });
    expect(afterTheft.status).toBe(401);
  });

  test('concurrent refreshes with one token: exactly one succeeds', async () => {
    const login = await t.api.post('/api/auth/login', { username: 'issuer', password: 'EcoDemo2026' });
    const results = await Promise.all(
      Array.from({ length: 10 }, () => t.api.post('/api/auth/refresh', { refreshToken: login.body.refreshToken })),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
  });

  test('a refresh token expires after its lifetime', async () => {
    const login = await t.api.post('/api/auth/login', { username: 'bosten.officer', password: 'EcoDemo2026' });
    t.clock.advance(7 * 24 * 3600 * 1000 + 1000);
    expect((await t.api.post('/api/auth/refresh', { refreshToken: login.body.refreshToken })).status).toBe(401);
  });

  test('logout ends the refresh token; logging out twice is fine', async () => {
    const login = await t.api.post('/api/auth/login', { username: 'guarantee.officer', password: 'EcoDemo2026' });
    expect((await t.api.post('/api/auth/logout', { refreshToken: login.body.refreshToken })).status).toBe(204);
    expect((await t.api.post('/api/auth/logout', { refreshToken: login.body.refreshToken })).status).toBe(204);
    expect((await t.api.post('/api/auth/refresh', { refreshToken: login.body.refreshToken })).status).toBe(401);
  });
});

describe('login rate limit', () => {
  test('more attempts per minute than allowed from one address get 429 with Retry-After', async () => {
    const limited = await startTestPlatform({ seedDemo: false, env: { LOGIN_ATTEMPTS_PER_MINUTE: '5' } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 7; i++) statuses.push((await limited.api.post('/api/auth/login', { username: 'x', password: 'y' })).status);
      expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429]);
      const res = await limited.api.post('/api/auth/login', { username: 'x', password: 'y' });
      expect(res.body.error.code).toBe('RATE_LIMITED');
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    } finally {
      await limited.close();
    }
  });
});

describe('revoking a signed-in user', () => {
  test('a user disabled in the directory keeps access only for the principal cache time (1 s here), then every token is refused', async () => {
    const token = await t.api.login('gep.reviewer');
    expect((await t.api.get('/api/me', token)).status).toBe(200);
    await t.platform.connection.db!.collection('users').updateOne({ username: 'gep.reviewer' }, { $set: { disabled: true } });
    expect((await t.api.get('/api/me', token)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const refused = await t.api.get('/api/me', token);
    expect(refused.status).toBe(401);
    expect(refused.body.error.code).toBe('AUTH_TOKEN_INVALID');
  });

  test('with the cache off, a changed role takes effect on the very next request', async () => {
    const off = await startTestPlatform({ seedDemo: true, env: { AUTH_PRINCIPAL_CACHE_SECONDS: '0' } });
    try {
      const token = await off.api.login('regulator');
      expect((await off.api.get('/api/audit/verify', token)).status).toBe(200);
      await off.platform.connection.db!.collection('users').updateOne({ username: 'regulator' }, { $set: { roles: ['citizen'] } });
      expect((await off.api.get('/api/audit/verify', token)).status).toBe(403);
    } finally {
      await off.close();
    }
  });
});
