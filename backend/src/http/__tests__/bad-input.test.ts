import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { databaseDigest, startTestPlatform, type TestPlatform } from '../../../test-support/test-platform.js';

let t: TestPlatform;
let admin: string;
let before: Record<string, string>;
const validInstitution = { name: '测试银行', type: 'bank', region: '哈密', code: '91652200MA7Z00201B' };

beforeAll(async () => {
  t = await startTestPlatform({ seedDemo: true });
  admin = await t.api.login('admin');
  before = await databaseDigest(t.platform);
});
afterAll(() => t.close());

const post = (body: unknown) => t.api.post('/api/institutions', body, admin);

describe('every bad input is a 400 with a code and the field, and writes nothing', () => {
  test.each([
    ['an unknown field', { ...validInstitution, isAdmin: true }, 'isAdmin', 'isAdmin is not a known field'],
    ['a missing field', { name: '测试银行', type: 'bank', region: '哈密' }, 'code', 'code is required'],
    ['a number for a string', { ...validInstitution, name: 42 }, 'name', 'name must be string'],
    ['an operator object for a string', { ...validInstitution, code: { $gt: '' } }, 'code', 'code must be string'],
    ['an unknown enum value', { ...validInstitution, type: 'casino' }, 'type', 'type must be one of: bank, guarantee_institution, external_reviewer, regulator, platform_operator, data_partner, certifier, supply_chain, environmental_authority, government'],
    ['a huge string', { ...validInstitution, name: 'x'.repeat(10_000) }, 'name', 'name must NOT have more than 120 characters'],
    ['a malformed code', { ...validInstitution, code: 'abc' }, 'code', 'code must match pattern "^[0-9A-Z]{18}$"'],
  ])('%s', async (_label, body, field, message) => {
    const res = await post(body);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field, message });
  });

  test('an array instead of an object', async () => {
    const res = await post([validInstitution]);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
  });

  test('malformed JSON', async () => {
    const res = await t.api.request('POST', '/api/institutions', { token: admin, rawBody: '{"name": "x",', headers: { 'Content-Type': 'application/json' } });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('MALFORMED_JSON');
  });

  test('a form body instead of JSON', async () => {
    const res = await t.api.request('POST', '/api/institutions', { token: admin, rawBody: 'name=x&type=bank', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
    expect(res.status).toBe(415);
    expect(res.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  test('a body over the size limit', async () => {
    const res = await t.api.request('POST', '/api/institutions', { token: admin, rawBody: JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024) }), headers: { 'Content-Type': 'application/json' } });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  test('an operator object smuggled into the login username', async () => {
    const res = await t.api.post('/api/auth/login', { username: { $ne: null }, password: 'EcoDemo2026' });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'username' });
  });

  test('a query parameter the endpoint does not know', async () => {
    const res = await t.api.get('/api/institutions?limit=5&sort[$where]=1', admin);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'sort[$where]', details: { location: 'query' } });
  });

  test('a query value of the wrong type, and one out of range', async () => {
    expect((await t.api.get('/api/institutions?limit=many', admin)).body.error).toMatchObject({ field: 'limit', message: 'limit must be integer' });
    expect((await t.api.get('/api/institutions?limit=100000', admin)).body.error).toMatchObject({ field: 'limit' });
  });

  test('a path id that is not an id', async () => {
    const res = await t.api.get('/api/institutions/not-an-id', admin);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'id', details: { location: 'params' } });
  });

  test('a body sent to an endpoint that takes none', async () => {
    const res = await t.api.post('/api/jobs/audit.verify-chain/run', { force: true }, admin);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'force' });
  });

  test('a malformed Idempotency-Key header', async () => {
    const res = await t.api.request('POST', '/api/institutions', { token: admin, body: validInstitution, headers: { 'Idempotency-Key': 'bad key!' } });
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe('Idempotency-Key');
  });

  test('the database is byte-for-byte what it was before all of the above', async () => {
    // Logging in as admin above wrote the session token and its audit record before the digest was
    // taken; every rejected request since then must have written nothing.
    expect(await databaseDigest(t.platform)).toEqual(before);
  });
});

describe('unknown endpoints and methods', () => {
  test('an unknown API path is a 404 with a code', async () => {
    const res = await t.api.get('/api/nothing-here', admin);
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('NOT_FOUND');
  });

  test('a method the path does not allow is a 405 with a code', async () => {
    const res = await t.api.request('DELETE', '/api/institutions', { token: admin });
    expect(res.status).toBe(405);
    expect(res.body.error.code).toBe('METHOD_NOT_ALLOWED');
  });
});
