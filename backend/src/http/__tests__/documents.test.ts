import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { databaseDigest, startTestPlatform, type TestPlatform } from '../../../test-support/test-platform.js';

let t: TestPlatform;
const tokens: Record<string, string> = {};
const permit = Buffer.from('%PDF-1.4 取水许可证 塔里木河 2026 …');

beforeAll(async () => {
  t = await startTestPlatform({ seedDemo: true });
  for (const u of ['enterprise', 'walnut.coop', 'bank.officer', 'regulator']) tokens[u] = await t.api.login(u);
});
afterAll(() => t.close());

const upload = (token: string, bytes: Buffer, contentType = 'application/pdf', filename = '取水许可证.pdf') =>
  fetch(`${t.baseUrl}/api/documents`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': contentType, 'X-Filename': encodeURIComponent(filename) },
    body: bytes,
  }).then(async (r) => ({ status: r.status, body: (await r.json()) as any }));

describe('documents', () => {
  let id: string;

  test('an upload is stored with its SHA-256, size and owner', async () => {
    const res = await upload(tokens['enterprise']!, permit);
    expect(res.status).toBe(201);
    id = res.body.id;
    expect(res.body).toMatchObject({
      filename: '取水许可证.pdf', contentType: 'application/pdf', size: permit.length, ownerType: 'subject',
      sha256: createHash('sha256').update(permit).digest('hex'), duplicate: false,
    });
  });

  test('uploading the same bytes again returns the first copy (200, duplicate)', async () => {
    const again = await upload(tokens['enterprise']!, permit);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ id, duplicate: true });
  });

  test('the owner downloads the exact bytes, with the hash in a header', async () => {
    const res = await fetch(`${t.baseUrl}/api/documents/${id}/content`, { headers: { Authorization: `Bearer ${tokens['enterprise']}` } });
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer())).toEqual(permit);
    expect(res.headers.get('x-content-sha256')).toBe(createHash('sha256').update(permit).digest('hex'));
  });

  test('another subject and an unrelated bank get 404; the regulator may read', async () => {
    expect((await t.api.get(`/api/documents/${id}`, tokens['walnut.coop'])).status).toBe(404);
    expect((await t.api.get(`/api/documents/${id}`, tokens['bank.officer'])).status).toBe(404);
    expect((await t.api.get(`/api/documents/${id}`, tokens['regulator'])).status).toBe(200);
  });

  test('an area can grant a reader access to a document it references', async () => {
    t.platform.services.documents.grantAccess(async (principal, meta) => principal.username === 'bank.officer' && meta.id === id);
    expect((await t.api.get(`/api/documents/${id}`, tokens['bank.officer'])).status).toBe(200);
  });

  test('refused uploads write nothing: wrong type, empty, bad file name', async () => {
    const before = await databaseDigest(t.platform);
    const exe = await upload(tokens['enterprise']!, Buffer.from('MZ'), 'application/x-msdownload', 'x.exe');
    expect(exe.status).toBe(415);
    expect(exe.body.error).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', field: 'Content-Type' });
    expect((await upload(tokens['enterprise']!, Buffer.alloc(0))).body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'body' });
    expect((await upload(tokens['enterprise']!, permit, 'application/pdf', '../etc/passwd')).body.error).toMatchObject({ field: 'X-Filename' });
    expect(await databaseDigest(t.platform)).toEqual(before);
  });

  test('the owner lists their documents (the demo’s title documents too), without their content', async () => {
    const res = await t.api.get('/api/documents?limit=200', tokens['enterprise']);
    expect(res.body.items.map((d: { id: string }) => d.id)).toContain(id);
    expect(res.body.items).toHaveLength(res.body.total);
    expect(res.body.items.filter((d: { content?: unknown }) => d.content !== undefined)).toEqual([]);
  });
});
