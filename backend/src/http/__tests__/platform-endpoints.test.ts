import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { jobDefinitions } from '../../jobs/index.js';
import { routes } from '../routes/index.js';
import { startTestPlatform, type TestPlatform } from '../../../test-support/test-platform.js';

let t: TestPlatform;
let admin: string;
beforeAll(async () => {
  t = await startTestPlatform({ seedDemo: true, jobs: true });
  admin = await t.api.login('admin');
});
afterAll(() => t.close());

describe('health', () => {
  test('names the database engine, its state, the jobs and the version', async () => {
    const res = await t.api.get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      status: 'ok',
      version: '0.1.0',
      database: { engine: process.env['TEST_DB_ENGINE'], state: 'connected' },
      jobs: { running: true, definitions: jobDefinitions.length },
    });
    expect(res.body.database.engine).toMatch(/mongo-java-server|mongod/);
  });

  test('every answer carries a request id, and a well-formed incoming one is kept', async () => {
    const res = await t.api.request('GET', '/api/health', { headers: { 'X-Request-Id': 'trace-abc-12345' } });
    expect(res.headers.get('x-request-id')).toBe('trace-abc-12345');
    expect((await t.api.get('/api/health')).headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  test('security headers are set', async () => {
    const res = await t.api.get('/api/health');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
  });
});

describe('OpenAPI', () => {
  test('documents every route of the route table, with its schemas', async () => {
    const res = await t.api.get('/api/openapi.json');
    expect(res.body.openapi).toBe('3.1.0');
    const documented = Object.entries(res.body.paths as Record<string, Record<string, { operationId: string }>>)
      .flatMap(([, ops]) => Object.values(ops).map((op) => op.operationId)).sort();
    expect(documented).toEqual(routes.map((r) => r.id).sort());
    expect(res.body.paths['/api/auth/login'].post.requestBody.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/auth.login.body' });
    expect(res.body.components.schemas['auth.login.body'].additionalProperties).toBe(false);
    expect(res.body.paths['/api/institutions/{id}'].get.parameters[0]).toMatchObject({ name: 'id', in: 'path', required: true });
  });

  test('describes raw file uploads: binary body per accepted content type and the X-Filename header', async () => {
    const res = await t.api.get('/api/openapi.json');
    const upload = res.body.paths['/api/prices/import'].post;
    expect(upload.requestBody.content).toEqual({ 'text/csv': { schema: { type: 'string', format: 'binary', maxLength: 5 * 1024 * 1024 } } });
    expect(upload.parameters).toContainEqual(expect.objectContaining({ name: 'X-Filename', in: 'header', required: true }));
    expect(Object.keys(res.body.paths['/api/documents'].post.requestBody.content)).toContain('application/pdf');
  });

  test('the docs page is served', async () => {
    const res = await t.api.get('/api/docs');
    expect(res.status).toBe(200);
    expect(res.body).toContain('swagger-ui');
  });
});

describe('jobs', () => {
  test('lists each job with its schedule', async () => {
    const res = await t.api.get('/api/jobs', admin);
    expect(res.body.items.map((j: { name: string }) => j.name)).toEqual(jobDefinitions.map((d) => d.name));
    for (const job of res.body.items) expect(job.nextRunAt).not.toBeNull();
  });

  test('running a job now records its last run and 100 % progress', async () => {
    expect((await t.api.post('/api/jobs/audit.verify-chain/run', undefined, admin)).status).toBe(202);
    let job: { lastFinishedAt: string | null; progress: number; lastError: string | null } | undefined;
    for (let i = 0; i < 50 && !job?.lastFinishedAt; i++) {
      await new Promise((r) => setTimeout(r, 200));
      job = (await t.api.get('/api/jobs', admin)).body.items.find((j: { name: string }) => j.name === 'audit.verify-chain');
    }
    expect(job).toMatchObject({ progress: 100, lastError: null });
    expect(job!.lastFinishedAt).not.toBeNull();
  });

  test('a job that fails shows its error', async () => {
    await t.platform.connection.db!.collection('audit_records').updateOne({ seq: 2 }, { $set: { action: 'forged' } });
    await t.api.post('/api/jobs/audit.verify-chain/run', undefined, admin);
    let job: { status: string; lastError: string | null } | undefined;
    for (let i = 0; i < 50 && job?.status !== 'failed'; i++) {
      await new Promise((r) => setTimeout(r, 200));
      job = (await t.api.get('/api/jobs', admin)).body.items.find((j: { name: string }) => j.name === 'audit.verify-chain');
    }
    expect(job).toMatchObject({ status: 'failed', lastError: 'audit chain broken at record 2: its contents do not match its hash (the record was modified)' });
  });

  test('an unknown job is a 404', async () => {
    expect((await t.api.post('/api/jobs/no.such-job/run', undefined, admin)).status).toBe(404);
  });
});
