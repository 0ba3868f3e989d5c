import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { startTestPlatform, type TestPlatform } from '../../../test-support/test-platform.js';

let t: TestPlatform;
let admin: string;
beforeAll(async () => {
  t = await startTestPlatform({ seedDemo: true });
  admin = await t.api.login('admin');
});
afterAll(() => t.close());

describe('onboarding institutions, subjects and users', () => {
  test('an admin registers a bank, then a user for it who can log in and sees that bank', async () => {
    const bank = await t.api.post('/api/institutions', { name: '哈密能源银行', type: 'bank', region: '哈密', code: '91652200MA7H00101B' }, admin);
    expect(bank.status).toBe(201);
    expect(bank.body).toMatchObject({ name: '哈密能源银行', type: 'bank', region: '哈密', code: '91652200MA7H00101B' });
    const user = await t.api.post('/api/users', {
      username: 'hami.officer', displayName: '客户经理 哈密', password: 'Hami2026secure', roles: ['bank_officer'], institutionId: bank.body.id,
    }, admin);
    expect(user.status).toBe(201);
    expect(user.body).toMatchObject({ username: 'hami.officer', roles: ['bank_officer'], institutionId: bank.body.id, subjectId: null, locked: false });
    expect(user.body.passwordHash).toBeUndefined();
    const token = await t.api.login('hami.officer', 'Hami2026secure');
    expect((await t.api.get('/api/me', token)).body.institution).toEqual({ id: bank.body.id, name: '哈密能源银行', type: 'bank' });
  });

  test('a second institution with the same code is refused: 409 DUPLICATE on code', async () => {
    const res = await t.api.post('/api/institutions', { name: '重复', type: 'bank', region: '哈密', code: '91652900MA7T00003B' }, admin);
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'DUPLICATE', field: 'code' });
  });

  test('a taken username is refused: 409 DUPLICATE on username', async () => {
    const regulator = (await t.api.get('/api/institutions?type=regulator', admin)).body.items[0].id;
    const res = await t.api.post('/api/users', { username: 'REGULATOR', displayName: 'x', password: 'Regulator2026x', roles: ['regulator'], institutionId: regulator }, admin);
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'DUPLICATE', field: 'username' });
  });

  test('a bank role in a guarantee institution is refused, naming roles', async () => {
    const guarantor = (await t.api.get('/api/institutions?type=guarantee_institution', admin)).body.items[0].id;
    const res = await t.api.post('/api/users', { username: 'mixup', displayName: 'x', password: 'Mixup2026abcd', roles: ['bank_officer'], institutionId: guarantor }, admin);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'roles', message: 'role bank_officer belongs to a bank, not a guarantee_institution' });
  });

  test('a citizen role needs a subject, not an institution', async () => {
    const res = await t.api.post('/api/users', { username: 'nosubject', displayName: 'x', password: 'Citizen2026ab', roles: ['citizen'] }, admin);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'subjectId' });
  });

  test('a weak password is refused, naming password', async () => {
    const subject = (await t.api.post('/api/subjects', { type: 'individual', name: '新居民', region: '伊犁', code: '654001********7788' }, admin)).body.id;
    const res = await t.api.post('/api/users', { username: 'weakling', displayName: 'x', password: 'onlyletters', roles: ['citizen'], subjectId: subject }, admin);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'password' });
  });

  test('users list shows every demo user, newest first, without secrets', async () => {
    const res = await t.api.get('/api/users?limit=200', admin);
    expect(res.body.total).toBeGreaterThanOrEqual(16);
    expect(JSON.stringify(res.body)).not.toContain('argon2');
  });

  test('creating a user is audited without the password or its hash', async () => {
    const page = await t.platform.services.audit.list({ limit: 5, offset: 0 }, { entityType: 'user' });
    const created = page.items.find((r) => r.action === 'user.create')!;
    expect(JSON.stringify(created)).not.toMatch(/argon2|Hami2026secure/);
  });
});

describe('disabling and enabling a user', () => {
  const login = (password = 'EcoDemo2026') => t.api.post('/api/auth/login', { username: 'reviewer', password });

  test('a disabled user is refused at once: access token, refresh token and password; the admin sees it and the audit trail records it', async () => {
    const session = await login();
    const user = (await t.api.get('/api/me', session.body.accessToken)).body;
    const res = await t.api.post(`/api/users/${user.id}/disable`, {}, admin);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: user.id, username: 'reviewer', disabled: true });
    expect((await t.api.get('/api/me', session.body.accessToken)).body.error.code).toBe('AUTH_TOKEN_INVALID');
    expect((await t.api.post('/api/auth/refresh', { refreshToken: session.body.refreshToken })).body.error.code).toBe('AUTH_TOKEN_INVALID');
    expect((await login()).body.error.code).toBe('AUTH_INVALID_CREDENTIALS');
    const audit = await t.api.get(`/api/audit?entityType=user&entityId=${user.id}`, admin);
    expect(audit.body.items[0]).toMatchObject({ action: 'user.disable', changes: { before: { disabled: false }, after: { disabled: true } } });
  });

  test('disabling again changes nothing; enabling lets the user sign in anew, while the old refresh token stays revoked', async () => {
    const id = (await t.platform.repositories.users.findByUsername('reviewer'))!.id;
    const again = await t.api.post(`/api/users/${id}/disable`, {}, admin);
    expect(again.body).toMatchObject({ disabled: true });
    const enabled = await t.api.post(`/api/users/${id}/enable`, {}, admin);
    expect(enabled.body).toMatchObject({ username: 'reviewer', disabled: false });
    const session = await login();
    expect(session.status).toBe(200);
    expect((await t.api.get('/api/me', session.body.accessToken)).status).toBe(200);
  });

  test('an admin cannot disable their own account; an unknown user is 404', async () => {
    const me = (await t.api.get('/api/me', admin)).body;
    const self = await t.api.post(`/api/users/${me.id}/disable`, {}, admin);
    expect(self.status).toBe(409);
    expect(self.body.error).toMatchObject({ code: 'USER_CANNOT_DISABLE_SELF', field: 'id' });
    expect((await t.api.post('/api/users/0123456789abcdef01234567/disable', {}, admin)).status).toBe(404);
  });
});
