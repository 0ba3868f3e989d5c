// Bad input: every write endpoint of the route table gets generated invalid requests (wrong types,
// missing and unknown fields, huge strings and numbers, negative money, operator objects, malformed
// JSON, wrong content types, oversized bodies, malformed path parameters and unknown query fields),
// sent by a role holding the endpoint's permission so validation, not authorization, answers.
// Every answer is a 4xx {error: {code, message, field?}} (field where a field is at fault), never a
// 5xx, and the database is byte-for-byte unchanged. The generator is seeded: every run sends the same.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { databaseDigest, startTestPlatform, type TestPlatform } from '../../backend/test-support/test-platform.js';
import { routes } from '../../backend/src/http/routes/index.js';
import { SchemaRegistry, schemaBaseUrl } from '../../backend/src/http/validation.js';
import { demoUsers } from '../../backend/src/demo/demo-data.js';
import { permissionsOf } from '../../backend/src/domain/identity/permissions.js';
import type { RouteSpec } from '../../backend/src/http/route.js';

type Schema = Record<string, any>;
type Category =
  | 'wrong type' | 'missing required' | 'unknown field' | 'huge string' | 'huge number' | 'negative money'
  | 'operator object' | 'wrong top-level value' | 'malformed JSON' | 'wrong content type' | 'oversized body'
  | 'bad path parameter' | 'unknown query field' | 'empty body' | 'random mix';

/** Categories where a field is at fault: the error must name it. */
const fieldCategories = new Set<Category>(['wrong type', 'missing required', 'unknown field', 'huge string', 'huge number', 'negative money', 'operator object', 'bad path parameter', 'unknown query field']);

interface Case {
  route: RouteSpec;
  category: Category;
  path: string;
  /** Raw request body and its media type. */
  body?: string;
  contentType?: string;
}

/** mulberry32: a small seeded generator, so every run sends exactly the same requests. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = a;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

const registry = new SchemaRegistry();
const schemaNamed = (url: string): Schema => {
  const name = url.replace(schemaBaseUrl, '').replace(/\.json$/, '');
  const schema = registry.schemas.get(name);
  if (!schema) throw new Error(`no schema ${url}`);
  return schema;
};
/** The schema a $ref names: a local #/$defs pointer into the current document, or another document. */
let currentRoot: Schema = {};
function resolve(s: Schema | undefined): Schema {
  const ref = s?.['$ref'];
  if (typeof ref !== 'string') return s ?? {};
  if (ref.startsWith('#/')) {
    let node: unknown = currentRoot;
    for (const part of ref.slice(2).split('/')) node = (node as Record<string, unknown> | undefined)?.[part.replace(/~1/g, '/').replace(/~0/g, '~')];
    return resolve(node as Schema | undefined);
  }
  const target = schemaNamed(ref.split('#')[0]!);
  currentRoot = target;
  return resolve(target);
}

/** A plausible value for a schema (not necessarily valid: patterns and conditions are not solved). */
function sample(raw: Schema | undefined, depth = 0): unknown {
  const s = resolve(raw);
  if ('const' in s) return s['const'];
  if (Array.isArray(s['enum'])) return s['enum'][0];
  const alternatives = (s['oneOf'] ?? s['anyOf']) as Schema[] | undefined;
  if (alternatives?.length && !s['type']) return sample(alternatives[0], depth + 1);
  const type = Array.isArray(s['type']) ? (s['type'] as string[]).find((t) => t !== 'null') : (s['type'] as string | undefined) ?? (s['properties'] ? 'object' : undefined);
  switch (type) {
    case 'string': {
      if (s['format'] === 'date') return '2026-03-01';
      if (s['format'] === 'date-time') return '2026-03-01T08:00:00.000Z';
      if (s['format'] === 'email') return 'someone@example.com';
      if (s['format'] === 'uri') return 'https://example.com/x';
      if (s['pattern'] === '^[0-9a-f]{24}$') return '0123456789abcdef01234567';
      return 'x'.repeat(Math.max(1, Number(s['minLength'] ?? 1)));
    }
    case 'integer':
    case 'number': {
      const min = Number(s['minimum'] ?? (s['exclusiveMinimum'] !== undefined ? Number(s['exclusiveMinimum']) + 1 : 1));
      return Math.min(Math.max(min, 1), Number(s['maximum'] ?? Number.MAX_SAFE_INTEGER));
    }
    case 'boolean': return true;
    case 'array': return depth > 4 ? [] : Array.from({ length: Number(s['minItems'] ?? 0) }, () => sample(s['items'] as Schema, depth + 1));
    case 'object': {
      const out: Record<string, unknown> = {};
      if (depth > 4) return out;
      const props = (s['properties'] ?? {}) as Record<string, Schema>;
      for (const key of (s['required'] ?? []) as string[]) out[key] = sample(props[key], depth + 1);
      return out;
    }
    default: return null;
  }
}

/** Property paths of a body schema: top level and one level into objects (and arrays of objects). */
function propertyPaths(raw: Schema): { path: string[]; schema: Schema; required: boolean }[] {
  const out: { path: string[]; schema: Schema; required: boolean }[] = [];
  const walk = (s0: Schema, prefix: string[], depth: number) => {
    const s = resolve(s0);
    const props = (s['properties'] ?? {}) as Record<string, Schema>;
    const required = new Set((s['required'] ?? []) as string[]);
    for (const [key, sub] of Object.entries(props)) {
      const r = resolve(sub);
      out.push({ path: [...prefix, key], schema: r, required: required.has(key) });
      if (depth < 1 && (r['type'] === 'object' || r['properties'])) walk(r, [...prefix, key], depth + 1);
    }
  };
  walk(raw, [], 0);
  return out;
}

function withValue(base: unknown, path: string[], value: unknown): unknown {
  const copy = structuredClone(base) as Record<string, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) {
    if (typeof node[key] !== 'object' || node[key] === null || Array.isArray(node[key])) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[path[path.length - 1]!] = value;
  return copy;
}

function without(base: unknown, path: string[]): unknown {
  const copy = structuredClone(base) as Record<string, unknown>;
  let node: Record<string, unknown> | undefined = copy;
  for (const key of path.slice(0, -1)) node = node?.[key] as Record<string, unknown> | undefined;
  if (node && typeof node === 'object') delete node[path[path.length - 1]!];
  return copy;
}

const typeOfValue = (v: unknown): string[] =>
  v === null ? ['null'] : Array.isArray(v) ? ['array'] : typeof v === 'number' ? (Number.isInteger(v) ? ['integer', 'number'] : ['number']) : [typeof v];
const wrongValues: unknown[] = [12345, -1.5, 'text', true, null, [], {}, [1, 'two'], { nested: { deeper: 1 } }];
const operatorObjects: unknown[] = [{ $gt: '' }, { $ne: null }, { $where: 'sleep(1000) || true' }, { $regex: '.*' }, { $in: [] }];
const hugeNumbers: unknown[] = [1e308, -1e308, 2 ** 53 + 2, 1e21, 123.456, -2147483649];
const malformedJson = ['{', '{"a":}', '[1,2', 'nul', "{'a':1}", '{"a":1,}', '{"a" 1}', '\u0000', '{"a":"\\x"}', '}{', '{"a":1}{"b":2}', '\uFEFF{"a":1', '{"a":NaN}', '{"a":undefined}'];
const wrongContentTypes = ['text/plain', 'application/x-www-form-urlencoded', 'application/xml', 'multipart/form-data; boundary=xyz', 'application/octet-stream', 'text/html'];
const idLike = '0123456789abcdef01234567';
const paramCandidates = [idLike, 'no.such-job', 'v1', '1', '2026-01', 'x'];
const badParamValues = ['not-an-id', '%24gt', '%7B%22%24gt%22%3A%22%22%7D', 'x'.repeat(3000), '..%2F..%2Fetc%2Fpasswd', '0123456789ABCDEF0123456Z'];

/** Whether a JSON value would pass the route's body check (then it is not a bad input and is not sent). */
function acceptedBody(route: RouteSpec, value: unknown): boolean {
  if (!route.body) return value === undefined || value === null || (typeof value === 'object' && Object.keys(value).length === 0);
  try {
    registry.validate(route.body, 'body', structuredClone(value));
    return true;
  } catch {
    return false;
  }
}

function paramsFor(route: RouteSpec): Record<string, string> | undefined {
  const names = [...route.path.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]!);
  const params: Record<string, string> = {};
  for (const name of names) {
    params[name] = paramCandidates.find((c) => {
      if (!route.params) return true;
      try {
        registry.validate(route.params, 'params', { ...params, ...Object.fromEntries(names.map((n) => [n, idLike])), [name]: c });
        return true;
      } catch {
        return false;
      }
    }) ?? idLike;
  }
  return params;
}

const fill = (route: RouteSpec, params: Record<string, string>) => route.path.replace(/:([A-Za-z]+)/g, (_m, n: string) => params[n]!);

/** The cases of one route, deterministic for a given seed. */
function casesFor(route: RouteSpec, seed: number, minimum: number): { cases: Case[]; acceptedSkipped: number; unboundedStrings: string[] } {
  const random = seeded(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const cases: Case[] = [];
  let acceptedSkipped = 0;
  const unboundedStrings: string[] = [];
  const params = paramsFor(route)!;
  const path = fill(route, params);
  const json = (category: Category, value: unknown) => {
    if (acceptedBody(route, value)) {
      acceptedSkipped++;
      return false;
    }
    cases.push({ route, category, path, body: JSON.stringify(value), contentType: 'application/json' });
    return true;
  };

  if (route.upload) {
    for (const ct of wrongContentTypes.filter((c) => !route.upload!.contentTypes.includes(c))) cases.push({ route, category: 'wrong content type', path, body: 'not a file', contentType: ct });
    cases.push({ route, category: 'oversized body', path, body: 'x'.repeat(route.upload.maxBytes + 1024), contentType: route.upload.contentTypes[0]! });
    for (const ct of route.upload.contentTypes) cases.push({ route, category: 'unknown query field', path: `${path}?$where=1`, body: ct.includes('json') ? '{}' : 'x', contentType: ct });
    return { cases, acceptedSkipped, unboundedStrings };
  }

  currentRoot = route.body ? schemaNamed(`${schemaBaseUrl}${route.body}.json`) : { type: 'object', additionalProperties: false, properties: {} };
  const schema: Schema = resolve(currentRoot);
  const root = currentRoot;
  const skeleton = sample(schema) ?? {};
  currentRoot = root;
  const props = propertyPaths(schema);
  currentRoot = root;

  for (const p of props) {
    const declared = Array.isArray(p.schema['type']) ? (p.schema['type'] as string[]) : p.schema['type'] ? [p.schema['type'] as string] : [];
    for (const v of wrongValues) if (!declared.length || !typeOfValue(v).some((t) => declared.includes(t) || (t === 'integer' && declared.includes('number')))) json('wrong type', withValue(skeleton, p.path, v));
    if (!p.schema['enum'] && !('const' in p.schema) && (declared.includes('string') || !declared.length)) {
      if (!json('huge string', withValue(skeleton, p.path, 'x'.repeat(100_000)))) unboundedStrings.push(`${route.id}: ${p.path.join('.')}`);
      json('huge string', withValue(skeleton, p.path, '生态'.repeat(50_000)));
    } else {
      json('huge string', withValue(skeleton, p.path, 'x'.repeat(100_000)));
    }
    for (const n of hugeNumbers) json('huge number', withValue(skeleton, p.path, n));
    if (/fen$/i.test(p.path[p.path.length - 1]!) || (p.schema['type'] === 'integer' && Number(p.schema['minimum'] ?? -1) >= 0)) {
      for (const n of [-1, -100, -999_999_999]) json('negative money', withValue(skeleton, p.path, n));
    }
    for (const op of operatorObjects) json('operator object', withValue(skeleton, p.path, op));
    if (p.required) json('missing required', without(skeleton, p.path));
    if (p.schema['type'] === 'object' || p.schema['properties']) json('unknown field', withValue(skeleton, [...p.path, 'injected$field'], 1));
  }
  json('empty body', {});
  for (const extra of [{ isAdmin: true }, { $where: '1' }, { __proto__x: { polluted: true } }, { 'a.b': 1 }, { tenantId: idLike }]) json('unknown field', { ...(skeleton as object), ...extra });
  for (const op of operatorObjects) json('operator object', op);
  for (const top of [[], [skeleton], 'text', 42, true, [{ $gt: '' }]]) json('wrong top-level value', top);
  for (const raw of malformedJson) cases.push({ route, category: 'malformed JSON', path, body: raw, contentType: 'application/json' });
  for (const ct of wrongContentTypes) cases.push({ route, category: 'wrong content type', path, body: JSON.stringify(skeleton), contentType: ct });
  const limit = route.maxBodyBytes ?? 1_048_576;
  cases.push({ route, category: 'oversized body', path, body: JSON.stringify({ padding: 'x'.repeat(limit + 100) }), contentType: 'application/json' });
  for (const q of ['?$where=1', '?isAdmin=true', '?id[$gt]=']) cases.push({ route, category: 'unknown query field', path: `${path}${q}`, body: JSON.stringify(skeleton), contentType: 'application/json' });
  for (const name of Object.keys(params)) {
    for (const bad of badParamValues) cases.push({ route, category: 'bad path parameter', path: fill(route, { ...params, [name]: bad }), body: JSON.stringify(skeleton), contentType: 'application/json' });
  }
  // Top up with seeded random mixes: several properties broken at once.
  const pool: unknown[] = [...wrongValues, ...operatorObjects, ...hugeNumbers, 'x'.repeat(5000), -1, '', ' ', '\u0000', '<script>alert(1)</script>', "'; DROP TABLE loans; --"];
  let guard = 0;
  while (cases.length < minimum && guard++ < minimum * 20) {
    let value: unknown = skeleton;
    const breaks = 1 + Math.floor(random() * 3);
    for (let i = 0; i < breaks; i++) {
      const p = props.length ? pick(props).path : [`random${Math.floor(random() * 100)}`];
      value = random() < 0.15 ? without(value, p) : withValue(value, random() < 0.1 ? [...p, `x${Math.floor(random() * 10)}`] : p, pick(pool));
    }
    json('random mix', value);
  }
  return { cases, acceptedSkipped, unboundedStrings };
}

let t: TestPlatform;
const tokens = new Map<string, string>();
let partnerKey = '';

beforeAll(async () => {
  t = await startTestPlatform({ seedDemo: true });
  for (const user of demoUsers) tokens.set(user.username, await t.api.login(user.username));
  // A data partner with a key, for the ingestion endpoint.
  const partner = await t.api.post('/api/institutions', { name: '模糊测试数据伙伴', type: 'data_partner', region: '乌鲁木齐', code: '91650100MA7F00099F' }, tokens.get('admin'));
  const key = await t.api.post(`/api/points/partners/${partner.body.id as string}/keys`, { label: 'fuzz key', eventTypes: ['bus_ride'] }, tokens.get('admin'));
  partnerKey = key.body.key as string;
});
afterAll(() => t.close());

/** The users who hold a route's permission (all of them take turns), or the partner's API key. */
function callersOf(route: RouteSpec): Record<string, string>[] {
  if (route.access === 'public') return [{}];
  const permission = typeof route.access === 'object' ? route.access.permission : undefined;
  if (permission === 'points.ingest') return [{ Authorization: `ApiKey ${partnerKey}` }];
  return demoUsers.filter((u) => !permission || permissionsOf(u.roles).includes(permission)).map((u) => ({ Authorization: `Bearer ${tokens.get(u.username)!}` }));
}

async function pool<T>(items: T[], size: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: size }, async () => {
    while (next < items.length) {
      const i = next++;
      await work(items[i]!, i);
    }
  }));
}

describe('bad input fuzz', () => {
  test('≥10,000 invalid requests to every write endpoint: all 4xx with code and field, no 5xx, database unchanged', async () => {
    const writeRoutes = routes.filter((r) => r.method !== 'GET');
    const cases: Case[] = [];
    let acceptedSkipped = 0;
    const unbounded: string[] = [];
    writeRoutes.forEach((route, i) => {
      const made = casesFor(route, 20260101 + i, 80);
      cases.push(...made.cases);
      acceptedSkipped += made.acceptedSkipped;
      unbounded.push(...made.unboundedStrings);
    });
    const before = await databaseDigest(t.platform);
    const started = Date.now();
    const perCategory = new Map<string, { sent: number; ok: number }>();
    const statuses = new Map<number, number>();
    const failures: string[] = [];
    await pool(cases, 16, async (c, i) => {
      const callers = callersOf(c.route);
      const headers: Record<string, string> = { ...callers[i % callers.length]!, ...(c.contentType ? { 'Content-Type': c.contentType } : {}) };
      let status = 0;
      let text = '';
      try {
        const res = await fetch(`${t.baseUrl}${c.path}`, { method: c.route.method, headers, ...(c.body === undefined ? {} : { body: c.body }) });
        status = res.status;
        text = await res.text();
      } catch (error) {
        text = `fetch failed: ${(error as Error).message}`;
      }
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      let error: { code?: unknown; message?: unknown; field?: unknown } | undefined;
      try {
        error = (JSON.parse(text) as { error?: typeof error }).error;
      } catch {
        error = undefined;
      }
      const problems: string[] = [];
      if (status < 400 || status >= 500) problems.push(`status ${status}`);
      if (status === 401 || status === 403) problems.push('refused before validation');
      if (typeof error?.code !== 'string' || typeof error?.message !== 'string') problems.push('no {error: {code, message}}');
      if (fieldCategories.has(c.category) && status === 400 && !(typeof error?.field === 'string' && error.field.length > 0)) problems.push('no field');
      if (/\bat .+\.(ts|js):\d+/.test(text)) problems.push('stack trace in the body');
      const tally = perCategory.get(c.category) ?? { sent: 0, ok: 0 };
      tally.sent++;
      if (problems.length === 0) tally.ok++;
      else failures.push(`${c.category} ${c.route.method} ${c.path.slice(0, 120)} ${(c.body ?? '').slice(0, 160)} → ${problems.join(', ')}: ${text.slice(0, 200)}`);
      perCategory.set(c.category, tally);
    });
    const seconds = (Date.now() - started) / 1000;
    const after = await databaseDigest(t.platform);
    const changed = Object.keys({ ...before, ...after }).filter((k) => before[k] !== after[k]);

    console.log([
      `bad input fuzz: ${writeRoutes.length} write endpoints, ${cases.length} invalid requests in ${seconds.toFixed(1)} s (${Math.round(cases.length / seconds)}/s), ${failures.length} failures, ${changed.length} collections changed`,
      ...[...perCategory].sort((a, b) => b[1].sent - a[1].sent).map(([k, v]) => `  ${k.padEnd(24)} ${String(v.sent).padStart(6)} sent, ${String(v.ok).padStart(6)} answered correctly`),
      `  statuses: ${[...statuses].sort((a, b) => a[0] - b[0]).map(([s, n]) => `${s}×${n}`).join(', ')}`,
      `  generated inputs the schemas accept (not sent): ${acceptedSkipped}; string fields without maxLength (100k characters accepted): ${unbounded.length}${unbounded.length ? ` (${unbounded.slice(0, 10).join('; ')})` : ''}`,
    ].join('\n'));
    if (failures.length) console.log(failures.slice(0, 40).join('\n'));
    expect(cases.length).toBeGreaterThanOrEqual(10_000);
    expect(failures).toEqual([]);
    expect(changed).toEqual([]);
  });
});
