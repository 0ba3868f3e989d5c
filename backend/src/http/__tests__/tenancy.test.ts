import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { demoInstitutions } from '../../demo/demo-data.js';
import { startTestPlatform, type TestPlatform } from '../../../test-support/test-platform.js';

let t: TestPlatform;
const tokens: Record<string, string> = {};
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await startTestPlatform({ seedDemo: true });
  for (const user of ['admin', 'regulator', 'bank.officer', 'bosten.officer', 'citizen', 'citizen2', 'enterprise']) tokens[user] = await t.api.login(user);
  const institutions = await t.api.get('/api/institutions?limit=50', tokens['admin']);
  for (const i of institutions.body.items) ids[i.code] = i.id;
  const subjects = await t.api.get('/api/subjects?limit=50', tokens['admin']);
  for (const s of subjects.body.items) ids[s.code] = s.id;
});
afterAll(() => t.close());

const tarimBank = () => ids['91652900MA7T00003B']!;
const bostenBank = () => ids['91652800MA7B00004B']!;
const ayigul = () => ids['653101********2846']!;
const zhangWei = () => ids['652701********1035']!;

describe('institution staff see only their own institution', () => {
  test('a bank officer lists exactly one institution: their bank', async () => {
    const res = await t.api.get('/api/institutions', tokens['bank.officer']);
    expect(res.body.total).toBe(1);
    expect(res.body.items.map((i: { name: string }) => i.name)).toEqual(['塔里木农村商业银行']);
  });

  test('a bank officer reads their own bank', async () => {
    expect((await t.api.get(`/api/institutions/${tarimBank()}`, tokens['bank.officer'])).status).toBe(200);
  });

  test('another bank’s record answers 404, exactly like a record that does not exist', async () => {
    const other = await t.api.get(`/api/institutions/${bostenBank()}`, tokens['bank.officer']);
    const missing = await t.api.get('/api/institutions/0123456789abcdef01234567', tokens['bank.officer']);
    expect(other.status).toBe(404);
    expect(other.body).toEqual({ error: { code: 'NOT_FOUND', message: 'institution not found' } });
    expect(missing.body).toEqual(other.body);
  });

  test('a bank officer sees no subjects directory', async () => {
    expect((await t.api.get('/api/subjects', tokens['bank.officer'])).body).toEqual({ items: [], total: 0 });
    expect((await t.api.get(`/api/subjects/${ayigul()}`, tokens['bank.officer'])).status).toBe(404);
  });

  test('the regulator and the platform admin read across institutions', async () => {
    expect((await t.api.get('/api/institutions', tokens['regulator'])).body.total).toBe(Object.keys(demoInstitutions).length);
    expect((await t.api.get(`/api/institutions/${bostenBank()}`, tokens['regulator'])).status).toBe(200);
  });
});

describe('a citizen sees only their own subject', () => {
  test('listing subjects gives only themselves', async () => {
    const res = await t.api.get('/api/subjects', tokens['citizen']);
    expect(res.body.items.map((s: { name: string }) => s.name)).toEqual(['阿依古丽·买买提']);
  });

  test('another citizen’s record answers 404', async () => {
    expect((await t.api.get(`/api/subjects/${zhangWei()}`, tokens['citizen'])).status).toBe(404);
  });

  test('a citizen updates their own profile, and the change is audited with before and after', async () => {
    const res = await t.api.patch(`/api/subjects/${ayigul()}`, { nameEn: 'Ayigul Mamat (Kashgar)' }, tokens['citizen']);
    expect(res.status).toBe(200);
    expect(res.body.nameEn).toBe('Ayigul Mamat (Kashgar)');
    const audit = await t.platform.services.audit.list({ limit: 1, offset: 0 }, { entityType: 'subject', entityId: ayigul() });
    expect(audit.items[0]).toMatchObject({
      action: 'subject.update',
      actor: { username: 'citizen' },
      changes: { before: { nameEn: 'Ayigul Mamat' }, after: { nameEn: 'Ayigul Mamat (Kashgar)' } },
    });
  });

  test('writing to another citizen’s record answers 404 and changes nothing', async () => {
    const res = await t.api.patch(`/api/subjects/${zhangWei()}`, { nameEn: 'Hijacked' }, tokens['citizen']);
    expect(res.status).toBe(404);
    const after = await t.api.get(`/api/subjects/${zhangWei()}`, tokens['admin']);
    expect(after.body.nameEn).toBe('Zhang Wei');
  });

  test('an enterprise user cannot write to a citizen', async () => {
    expect((await t.api.patch(`/api/subjects/${ayigul()}`, { region: '和田' }, tokens['enterprise'])).status).toBe(404);
  });
});

describe('permissions', () => {
  test('a bank officer may not register institutions: 403 naming the permission', async () => {
    const res = await t.api.post('/api/institutions', { name: '某银行', type: 'bank', region: '哈密', code: '91652200MA7X00099B' }, tokens['bank.officer']);
    expect(res.status).toBe(403);
    expect(res.body.error).toEqual({ code: 'FORBIDDEN', message: 'this action needs the permission admin.institutions', details: { permission: 'admin.institutions' } });
  });

  test('a bank officer may not change another bank (403 before any lookup)', async () => {
    expect((await t.api.patch(`/api/institutions/${bostenBank()}`, { region: '哈密' }, tokens['bank.officer'])).status).toBe(403);
  });

  test('the regulator reads but may not create users', async () => {
    expect((await t.api.get('/api/users', tokens['regulator'])).status).toBe(403);
  });

  test('a bank officer may not read the audit trail or the jobs', async () => {
    expect((await t.api.get('/api/audit', tokens['bank.officer'])).status).toBe(403);
    expect((await t.api.get('/api/jobs', tokens['bank.officer'])).status).toBe(403);
  });
});
