// Every endpoint in the route table × every demo role: a role without the endpoint's permission is
// refused with 403 before anything else happens, a caller without a token with 401, and a role with
// the permission is never refused for lack of it. New endpoints are covered automatically.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { startTestPlatform, type TestPlatform } from '../../backend/test-support/test-platform.js';
import { routes } from '../../backend/src/http/routes/index.js';
import { demoUsers } from '../../backend/src/demo/demo-data.js';
import { permissionsOf } from '../../backend/src/domain/identity/permissions.js';
import type { RouteSpec } from '../../backend/src/http/route.js';

let t: TestPlatform;
const tokens = new Map<string, string>();
const oneUserPerRole = [...new Map(demoUsers.map((u) => [u.roles[0], u])).values()];

beforeAll(async () => {
  t = await startTestPlatform({ seedDemo: true });
  for (const user of oneUserPerRole) tokens.set(user.username, await t.api.login(user.username));
});
afterAll(() => t.close());

/** A path with every parameter filled by a well-formed value that names nothing. */
function concretePath(route: RouteSpec): string {
  return route.path.replace(/:([A-Za-z]+)/g, (_m, name: string) => (name === 'id' || name.endsWith('Id') ? '0123456789abcdef01234567' : 'no.such-thing'));
}

const protectedRoutes = routes.filter((r) => r.access !== 'public');

describe('authorization matrix', () => {
  test('every protected endpoint refuses a request without a token (401)', async () => {
    const outcomes = await Promise.all(protectedRoutes.map(async (route) => {
      const res = await t.api.request(route.method, concretePath(route), route.method === 'GET' ? {} : { body: {} });
      return { route: route.id, status: res.status };
    }));
    expect(outcomes.filter((o) => o.status !== 401)).toEqual([]);
  });

  test('every endpoint × every role: 403 exactly when the role lacks the endpoint’s permission', async () => {
    const leaks: string[] = [];
    const wrongRefusals: string[] = [];
    let cases = 0;
    for (const route of protectedRoutes) {
      for (const user of oneUserPerRole) {
        const token = tokens.get(user.username)!;
        const permission = typeof route.access === 'object' ? route.access.permission : undefined;
        const allowed = !permission || permissionsOf(user.roles).includes(permission);
        const res = await t.api.request(route.method, concretePath(route), { token, ...(route.method === 'GET' ? {} : { body: {} }) });
        cases++;
        const refusedForPermission = res.status === 403 && (res.body as { error?: { code?: string } })?.error?.code === 'FORBIDDEN';
        if (!allowed && !refusedForPermission) leaks.push(`${route.id} as ${user.roles[0]}: ${res.status}`);
        if (allowed && (res.status === 401 || (permission && refusedForPermission))) wrongRefusals.push(`${route.id} as ${user.roles[0]}: ${res.status}`);
      }
    }
    console.log(`authorization matrix: ${protectedRoutes.length} endpoints × ${oneUserPerRole.length} roles = ${cases} cases, ${leaks.length} leaks, ${wrongRefusals.length} wrong refusals`);
    expect(leaks).toEqual([]);
    expect(wrongRefusals).toEqual([]);
  });
});
