import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { startTestPlatform, type TestPlatform } from '../../../test-support/test-platform.js';
import { runAdminCommand } from '../admin-commands.js';

let t: TestPlatform;
beforeAll(async () => {
  t = await startTestPlatform();
});
afterAll(() => t.close());

const run = (argv: string[], env: Record<string, string> = {}) => runAdminCommand(argv, t.platform, env);

describe('eco-admin', () => {
  test('creates an institution and a user for it who can then log in', async () => {
    const institution = await run(['create-institution', '--name', '阿勒泰牧业银行', '--type', 'bank', '--region', '阿勒泰', '--code', '91654300MA7L00301B']);
    expect(institution.exitCode).toBe(0);
    expect(JSON.parse(institution.output)).toMatchObject({ name: '阿勒泰牧业银行', type: 'bank' });
    const user = await run(['create-user', '--username', 'altay.officer', '--display-name', '客户经理', '--roles', 'bank_officer', '--institution-code', '91654300MA7L00301B'], { ECO_ADMIN_PASSWORD: 'Altay2026pass' });
    expect(user.exitCode).toBe(0);
    expect((await t.api.post('/api/auth/login', { username: 'altay.officer', password: 'Altay2026pass' })).status).toBe(200);
  });

  test('bad input exits 2 naming the field', async () => {
    expect(await run(['create-institution', '--name', '某银行', '--type', 'casino', '--region', '阿勒泰', '--code', '91654300MA7L00302B'])).toEqual({
      exitCode: 2, output: 'eco-admin create-institution: type must be one of: bank, guarantee_institution, external_reviewer, regulator, platform_operator, data_partner, certifier, supply_chain, environmental_authority, government (field: type)',
    });
    expect(await run(['create-user', '--username', 'x.user', '--display-name', 'x', '--roles', 'bank_officer', '--institution-code', '91654300MA7L00301B'])).toEqual({
      exitCode: 2, output: 'eco-admin create-user: password is required (field: password)',
    });
  });

  test('an unknown flag or command exits 2 with the usage', async () => {
    expect((await run(['create-institution', '--colour', 'green'])).exitCode).toBe(2);
    expect((await run(['drop-everything'])).output).toMatch(/^unknown command: drop-everything\nusage:/);
  });

  test('verify-audit exits 0 on an intact chain and 1 naming the broken record', async () => {
    expect((await run(['verify-audit'])).exitCode).toBe(0);
    await t.platform.connection.db!.collection('audit_records').updateOne({ seq: 1 }, { $set: { action: 'forged' } });
    const broken = await run(['verify-audit']);
    expect(broken.exitCode).toBe(1);
    expect(JSON.parse(broken.output).firstBroken.seq).toBe(1);
  });
});
