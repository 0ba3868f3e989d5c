// Own versus other tenant: for every record the demo seeded (loans, applications, assets, valuations,
// guarantees, bonds, impact reports, documents, points accounts) and every GET endpoint that reads
// one by id, a user of an unrelated institution or subject gets 403/404 and never the data, and the
// record's owner gets 200. Records come from the database after seeding, so new demo records are
// covered; an id-reading GET endpoint without an owner rule here fails the suite until it gets one
// (endpoints found generically from the route table get other-tenant checks meanwhile, not owner ones).
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { startTestPlatform, type TestPlatform } from '../../backend/test-support/test-platform.js';
import { routes } from '../../backend/src/http/routes/index.js';
import { demoUsers } from '../../backend/src/demo/demo-data.js';
import { permissionsOf, type Permission } from '../../backend/src/domain/identity/permissions.js';
import type { RouteSpec } from '../../backend/src/http/route.js';

type Doc = Record<string, unknown> & { _id: { toHexString(): string } };
type DemoUserRow = (typeof demoUsers)[number];

/** An owning tenant; with permissions, only its users holding one of them read the record (the others of that tenant are not checked). */
type Owner = string | null | undefined | { tenant: string | null | undefined; permissions: Permission[] };

/** A record kind: its collection, the path prefix of the endpoints reading it, and its owning tenants. */
interface Resource {
  collection: string;
  prefix: string;
  /** The tenants (institution or subject ids) whose users must be able to read the record. */
  owners: (d: Doc) => Owner[];
  /** Further path parameters of endpoints under the prefix (a servicer report's :period) and each record's values. */
  params?: { name: string; values: (d: Doc) => string[] };
  /** Users who read every record of the kind by design (custody performers read every batch): neither owner nor other. */
  sharedWith?: (user: DemoUserRow) => boolean;
  /** Found from the route table alone (collection named like the path): only other tenants are checked. */
  generic?: boolean;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : v && typeof v === 'object' && 'toHexString' in v ? (v as { toHexString(): string }).toHexString() : undefined);
const field = (d: Doc, path: string): string | undefined => str(path.split('.').reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), d));
const docs = (collection: string): Doc[] => docsByCollection.get(collection) ?? [];

const resources: Resource[] = [
  { collection: 'loans', prefix: '/api/loans/:id', owners: (d) => [d['institutionId'] as string, d['subjectId'] as string] },
  { collection: 'loan_applications', prefix: '/api/loan-applications/:id', owners: (d) => [d['subjectId'] as string] },
  { collection: 'assets', prefix: '/api/assets/:id', owners: (d) => [d['subjectId'] as string] },
  { collection: 'valuations', prefix: '/api/valuations/:id', owners: (d) => [d['subjectId'] as string] },
  { collection: 'guarantees', prefix: '/api/guarantees/:id', owners: (d) => [d['institutionId'] as string, d['bankId'] as string] },
  { collection: 'bonds', prefix: '/api/bonds/:id', owners: (d) => [d['issuerSubjectId'] as string, d['issuerInstitutionId'] as string] },
  { collection: 'bond_impact_reports', prefix: '/api/bond-impact-reports/:id', owners: (d) => [d['issuerSubjectId'] as string, d['issuerInstitutionId'] as string] },
  { collection: 'documents', prefix: '/api/documents/:id', owners: (d) => [d['ownerId'] as string] },
  { collection: 'subjects', prefix: '/api/points/subjects/:subjectId', owners: (d) => [d._id.toHexString()] },
  { collection: 'subjects', prefix: '/api/subjects/:id', owners: (d) => [d._id.toHexString()] },
  { collection: 'gep_runs', prefix: '/api/gep-runs/:id', owners: (d) => [d['institutionId'] as string] },
  { collection: 'compensation_agreements', prefix: '/api/compensation/agreements/:id', owners: (d) => [d['upstreamInstitutionId'] as string, d['downstreamInstitutionId'] as string] },
  { collection: 'compensation_settlements', prefix: '/api/compensation/settlements/:id', owners: (d) => [d['upstreamInstitutionId'] as string, d['downstreamInstitutionId'] as string] },
  // Issue 13: the certifier's and the producer's certificates; the producer's batches (every custody performer reads them to sign its step);
  // a participant's orders and the pledgee bank's consent requests; the authority's damage cases, the responsible party's, and those of banks it applied to.
  { collection: 'product_certificates', prefix: '/api/certificates/:id', owners: (d) => [{ tenant: field(d, 'certifierInstitutionId'), permissions: ['certification.certify'] }, field(d, 'producerSubjectId')] },
  {
    collection: 'product_batches', prefix: '/api/product-batches/:id', owners: (d) => [field(d, 'producerSubjectId')],
    sharedWith: (u) => !!u.institution && permissionsOf(u.roles).includes('custody.record'),
  },
  { collection: 'trade_orders', prefix: '/api/trading/orders/:id', owners: (d) => [field(d, 'ownerSubjectId'), { tenant: field(d, 'consent.institutionId'), permissions: ['trading.consent'] }] },
  {
    collection: 'damage_cases', prefix: '/api/damage-cases/:id',
    owners: (d) => [
      { tenant: field(d, 'authorityInstitutionId'), permissions: ['damage.manage', 'damage.review'] }, field(d, 'responsibleSubjectId'),
      ...docs('loans').filter((l) => field(l, 'subjectId') === field(d, 'responsibleSubjectId')).map((l) => ({ tenant: field(l, 'institutionId'), permissions: ['loans.review', 'loans.approve'] as Permission[] })),
    ],
  },
  // Issue 14: the originating bank's pools (with their servicer reports), and those its external reviewer was asked to review.
  {
    collection: 'securitisation_pools', prefix: '/api/securitisation-pools/:id',
    owners: (d) => [
      { tenant: field(d, 'institutionId'), permissions: ['securitisation.originate', 'securitisation.issue'] },
      d['state'] === 'DRAFT' ? undefined : { tenant: field(d, 'structure.reviewerInstitutionId'), permissions: ['securitisation.review'] },
    ],
    params: { name: 'period', values: (d) => ((d['servicerReports'] as { period: string }[] | undefined) ?? []).map((r) => r.period) },
  },
];

/** GET endpoints with a path parameter that are not tenant records, and why. */
const notTenantRecords: Record<string, string> = {
  '/api/institutions/:id': 'the directory of institutions (banks, guarantors) is shared by design',
  '/api/points/rule-sets/:id': 'admin only (authorization matrix)',
  '/api/points/partners/:id/keys': 'admin only (authorization matrix)',
  '/api/valuation-configs/:version': 'platform configuration, the same for everyone',
  '/api/guarantee-rules/versions/:version': 'platform configuration, the same for everyone',
  '/api/loan-approval-limits/:institutionId': 'admin only (authorization matrix)',
  '/api/guarantee-institutions/:institutionId/profile': 'guarantor profiles: checked below as an own-institution record',
  '/api/eco-catalogue/:id': 'the ecological product catalogue is the regions’ shared reference data (catalogue.read)',
  '/api/gep-sites/:siteCode/runs': 'published GEP runs only, which are public',
  '/api/public/gep-runs/:id': 'public page of published GEP runs (drafts: 404 for everyone)',
  '/api/public/gep-runs/:id/report.pdf': 'public report of a published GEP run',
};

/** Collections whose records link tenants to each other (a bank to an applicant's asset, a guarantor to a loan). */
const entityCollections: string[] = [
  'loans', 'loan_applications', 'assets', 'valuations', 'guarantees', 'bonds', 'bond_impact_reports', 'documents', 'alerts',
  'product_certificates', 'product_batches', 'trade_orders', 'damage_cases', 'securitisation_pools',
];

const hex24 = /^[0-9a-f]{24}$/;
/** Every id (ObjectId or 24-hex string) anywhere in a document. */
function idsIn(value: unknown, out = new Set<string>()): Set<string> {
  if (typeof value === 'string') {
    if (hex24.test(value)) out.add(value);
  } else if (value && typeof value === 'object') {
    const maybeOid = value as { _bsontype?: string; toHexString?: () => string };
    if (maybeOid._bsontype === 'ObjectId' && maybeOid.toHexString) out.add(maybeOid.toHexString());
    else if (Array.isArray(value)) for (const v of value) idsIn(v, out);
    else if (!(value instanceof Date) && !Buffer.isBuffer(value) && maybeOid._bsontype !== 'Binary') for (const v of Object.values(value)) idsIn(v, out);
  }
  return out;
}

let t: TestPlatform;
const tokens = new Map<string, string>();
const tenantOf = new Map<string, string>();
const allTenantsReaders = new Set<string>();
const docsByCollection = new Map<string, Doc[]>();
const tenantIds = new Set<string>();
/** entity id → ids it references and ids that reference it (undirected links between records). */
const links = new Map<string, Set<string>>();
const refsOf = new Map<string, Set<string>>();

/**
 * Id-reading endpoints without a rule above whose path names a collection (/api/damage-cases/:id →
 * damage_cases): checked generically, so a new area is covered before anyone writes its rule.
 */
function genericResources(collections: Set<string>): Resource[] {
  const found = new Map<string, Resource>();
  const covered = new Set(resources.flatMap((r) => routesOf(r).map((route) => route.path)));
  for (const route of getRoutes) {
    if (covered.has(route.path) || notTenantRecords[route.path] || route.access === 'public') continue;
    const match = /^(\/api\/((?:[a-z-]+\/)*[a-z-]+))\/:id(\/|$)/.exec(route.path);
    const collection = match?.[2]!.replace(/[/-]/g, '_');
    if (match && collection && collections.has(collection)) found.set(match[1]!, { collection, prefix: `${match[1]!}/:id`, owners: () => [], generic: true });
  }
  return [...found.values()];
}

/** The demo's issued pools get last month's servicer report, so that its PDF and CSV have owner and other-tenant cases. */
async function recordServicerReports(): Promise<void> {
  const db = t.platform.connection.db!;
  const now = new Date();
  const period = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)).toISOString().slice(0, 7);
  const users = await db.collection('users').find({}).toArray();
  for (const pool of await db.collection('securitisation_pools').find({ state: { $in: ['ISSUED', 'AMORTISING'] } }).toArray()) {
    const issuer = demoUsers.find((u) => permissionsOf(u.roles).includes('securitisation.issue') && String(users.find((s) => s['username'] === u.username)?.['institutionId']) === String(pool['institutionId']));
    if (!issuer) continue;
    const res = await t.api.post(`/api/securitisation-pools/${String(pool._id)}/servicer-reports`, { period }, await t.api.login(issuer.username));
    if (res.status >= 300) throw new Error(`servicer report ${period} of pool ${String(pool['name'])}: ${res.status} ${JSON.stringify(res.body)}`);
  }
}

beforeAll(async () => {
  t = await startTestPlatform({ seedDemo: true });
  const db = t.platform.connection.db!;
  await recordServicerReports();
  const generic = genericResources(new Set((await db.listCollections().toArray()).map((c) => c.name)));
  resources.push(...generic);
  entityCollections.push(...generic.map((g) => g.collection).filter((c) => !entityCollections.includes(c)));
  for (const name of ['institutions', 'subjects', ...entityCollections]) {
    docsByCollection.set(name, (await db.collection(name).find({}).toArray()) as unknown as Doc[]);
  }
  for (const name of ['institutions', 'subjects']) for (const d of docsByCollection.get(name)!) tenantIds.add(d._id.toHexString());
  const entityIds = new Set(entityCollections.flatMap((c) => docsByCollection.get(c)!.map((d) => d._id.toHexString())));
  for (const c of entityCollections) {
    for (const d of docsByCollection.get(c)!) {
      const id = d._id.toHexString();
      const refs = idsIn(d);
      refs.delete(id);
      refsOf.set(id, refs);
      for (const r of refs) {
        if (!entityIds.has(r)) continue;
        if (!links.has(id)) links.set(id, new Set());
        if (!links.has(r)) links.set(r, new Set());
        links.get(id)!.add(r);
        links.get(r)!.add(id);
      }
    }
  }
  const users = await db.collection('users').find({}).toArray();
  for (const user of demoUsers) {
    tokens.set(user.username, await t.api.login(user.username));
    const stored = users.find((u) => u['username'] === user.username)!;
    tenantOf.set(user.username, String(stored['institutionId'] ?? stored['subjectId']));
    if (permissionsOf(user.roles).includes('tenants.all.read')) allTenantsReaders.add(user.username);
  }
});
afterAll(() => t.close());

/** Tenants related to a record: those named in it or in records within three links of it. */
function relatedTenants(id: string): Set<string> {
  const related = new Set<string>();
  let frontier = new Set([id]);
  const seen = new Set([id]);
  for (let depth = 0; depth <= 3; depth++) {
    const next = new Set<string>();
    for (const e of frontier) {
      for (const r of refsOf.get(e) ?? []) if (tenantIds.has(r)) related.add(r);
      for (const l of links.get(e) ?? []) if (!seen.has(l)) { seen.add(l); next.add(l); }
    }
    frontier = next;
  }
  return related;
}

/** Tenants related to a tenant record (a subject): itself and tenants of every record naming it. */
function relatedToTenant(id: string): Set<string> {
  const related = new Set([id]);
  for (const [entity, refs] of refsOf) if (refs.has(id)) for (const r of relatedTenants(entity)) related.add(r);
  return related;
}

/** Required query parameters of some endpoints (validation comes before the tenant check). */
const queryOf = (path: string): string => (path.endsWith('/what-if') ? '?target=deep_green' : path.endsWith('/replay') ? `?asOf=${new Date().toISOString().slice(0, 10)}` : '');

const getRoutes = routes.filter((r) => r.method === 'GET' && r.path.includes('/:'));
/** The GET endpoints under a resource's prefix whose further path parameters the resource supplies. */
const routesOf = ({ prefix, params }: Pick<Resource, 'prefix' | 'params'>): RouteSpec[] => getRoutes.filter((r) => r.path === prefix || (r.path.startsWith(`${prefix}/`)
  && (r.path.slice(prefix.length).match(/:[A-Za-z]+/g) ?? []).every((p) => p === `:${params?.name ?? '-'}`)));

async function pool<T>(items: T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: size }, async () => {
    while (next < items.length) await work(items[next++]!);
  }));
}

describe('tenant isolation (own vs other)', () => {
  test('every GET endpoint reading a record by id has an owner rule (or is named as shared)', () => {
    const withRule = new Set(resources.filter((r) => !r.generic).flatMap((r) => routesOf(r).map((route) => route.path)));
    const uncovered = getRoutes.filter((r) => !withRule.has(r.path) && !notTenantRecords[r.path] && r.access !== 'public').map((r) => r.path);
    const generic = resources.filter((r) => r.generic).map((r) => r.prefix);
    console.log(`tenant isolation coverage: ${withRule.size} endpoints with an owner rule; ${uncovered.length} without (${generic.length} of their prefixes found generically, other-tenant checks only): ${uncovered.join(', ') || 'none'}`);
    // A new id-reading endpoint needs its owners written above (or its sharing named in notTenantRecords).
    expect(uncovered).toEqual([]);
    expect(withRule.size).toBeGreaterThanOrEqual(41);
  });

  test('a user of another institution or subject never reads a record (403/404); its owners do (200)', async () => {
    interface Case { username: string; path: string; route: string; kind: 'other' | 'owner'; main: boolean; recordId: string; generic: boolean }
    const cases: Case[] = [];
    let records = 0;
    for (const resource of resources) {
      const endpoints = routesOf(resource);
      const isTenantRecord = resource.collection === 'subjects';
      for (const doc of docsByCollection.get(resource.collection) ?? (await t.platform.connection.db!.collection(resource.collection).find({}).toArray()) as unknown as Doc[]) {
        const id = doc._id.toHexString();
        records++;
        const related = isTenantRecord ? relatedToTenant(id) : relatedTenants(id);
        const owners = resource.owners(doc).filter((o) => !!(typeof o === 'string' ? o : o?.tenant));
        const ownerTenants = new Set(owners.map((o) => (typeof o === 'string' ? o : o!.tenant!)));
        const isOwner = (u: DemoUserRow) => owners.some((o) => (typeof o === 'string' ? o === tenantOf.get(u.username) : o!.tenant === tenantOf.get(u.username) && o!.permissions.some((p) => permissionsOf(u.roles).includes(p))));
        const shared = (u: DemoUserRow) => resource.sharedWith?.(u) ?? false;
        // Unrelated users: one per role, six per record, rotating with the record so that across a
        // collection every role tries (keeps the suite quick on two cores).
        const unrelated = [...new Map(demoUsers.filter((u) => !ownerTenants.has(tenantOf.get(u.username)!) && !related.has(tenantOf.get(u.username)!) && !allTenantsReaders.has(u.username) && !shared(u)).map((u) => [u.roles[0], u])).values()];
        const chosen = new Set(unrelated.length <= 6 ? unrelated : Array.from({ length: 6 }, (_, k) => unrelated[(records * 6 + k) % unrelated.length]!));
        const paramValues = resource.params?.values(doc) ?? [];
        for (const user of demoUsers) {
          const kind = isOwner(user) ? 'owner' : chosen.has(user) ? 'other' : undefined;
          if (!kind) continue;
          for (const route of endpoints) {
            const withId = route.path.replace(/:[A-Za-z]+/, id);
            const paths = resource.params && withId.includes(`:${resource.params.name}`) ? paramValues.map((v) => withId.replace(`:${resource.params!.name}`, encodeURIComponent(v))) : [withId];
            for (const path of paths) cases.push({ username: user.username, path: path + queryOf(route.path), route: route.path, kind, main: route.path === resource.prefix, recordId: id, generic: !!resource.generic });
          }
        }
      }
    }
    const leaks: string[] = [];
    const toReview: string[] = [];
    const ownerRefusals: string[] = [];
    const serverErrors: string[] = [];
    const okPerRoute = new Map<string, number>();
    await pool(cases, 16, async (c) => {
      const res = await t.api.request('GET', c.path, { token: tokens.get(c.username) });
      if (res.status >= 500) serverErrors.push(`${c.username} ${c.path}: ${res.status}`);
      if (c.kind === 'other') {
        const refused = (res.status === 403 || res.status === 404) && typeof (res.body as { error?: { code?: string } })?.error?.code === 'string';
        const text = typeof res.body === 'string' ? res.body : JSON.stringify(res.body ?? '');
        // Generically found areas may share records by design (a carrier reads a batch): listed for review, not failed.
        if (!refused || text.includes(c.recordId) && res.status < 400) (c.generic ? toReview : leaks).push(`${c.username} GET ${c.path}: ${res.status}`);
      } else {
        if (res.status === 200) okPerRoute.set(c.route, (okPerRoute.get(c.route) ?? 0) + 1);
        if (c.main && res.status !== 200) ownerRefusals.push(`${c.username} GET ${c.path}: ${res.status} ${JSON.stringify(res.body)}`);
      }
    });
    const others = cases.filter((c) => c.kind === 'other').length;
    const routesChecked = new Set(cases.map((c) => c.route));
    console.log(`tenant isolation: ${records} records, ${routesChecked.size} endpoints, ${cases.length} cases (${others} other-tenant, ${cases.length - others} owner), ${leaks.length} leaks, ${ownerRefusals.length} owner refusals, ${serverErrors.length} server errors`);
    if (toReview.length) console.log(`tenant isolation: ${toReview.length} reads by unrelated users of generically found endpoints, to review (shared by design?): ${[...new Set(toReview.map((r) => r.replace(/[0-9a-f]{24}/, ':id')))].join('; ')}`);
    expect(leaks).toEqual([]);
    expect(serverErrors).toEqual([]);
    expect(ownerRefusals).toEqual([]);
    // Downloads and views exist only in some states: those no demo record's owner could read are listed.
    const genericRoutes = new Set(cases.filter((c) => c.generic).map((c) => c.route));
    const neverRead = [...routesChecked].filter((r) => !okPerRoute.has(r) && !genericRoutes.has(r));
    console.log(`tenant isolation: endpoints no owner read in the demo (state-dependent, so the 'other' checks there prove less): ${neverRead.join(', ') || 'none'}`);
    // Every endpoint with an owner rule is read by an owner and refused to another tenant at least once.
    expect(neverRead).toEqual([]);
    const withoutOther = [...routesChecked].filter((r) => !cases.some((c) => c.route === r && c.kind === 'other'));
    expect(withoutOther).toEqual([]);
  });

  test('lists show only records the caller’s tenant is party to', async () => {
    const lists: { path: string; collection: string }[] = [
      { path: '/api/loans?limit=100', collection: 'loans' },
      { path: '/api/loan-applications?limit=100', collection: 'loan_applications' },
      { path: '/api/assets?limit=100', collection: 'assets' },
      { path: '/api/guarantees?limit=100', collection: 'guarantees' },
      { path: '/api/bonds?limit=100', collection: 'bonds' },
      { path: '/api/bond-impact-reports?limit=100', collection: 'bond_impact_reports' },
      { path: '/api/documents?limit=100', collection: 'documents' },
    ];
    const leaks: string[] = [];
    let items = 0;
    let cases = 0;
    for (const list of lists) {
      for (const user of demoUsers.filter((u) => !allTenantsReaders.has(u.username))) {
        const res = await t.api.get(list.path, tokens.get(user.username));
        if (res.status !== 200) continue; // 403 for roles without the list: refused, nothing shown
        cases++;
        const tenant = tenantOf.get(user.username)!;
        for (const item of (res.body as { items: { id: string }[] }).items) {
          items++;
          if (!relatedTenants(item.id).has(tenant)) leaks.push(`${user.username} ${list.path}: ${item.id}`);
        }
      }
    }
    console.log(`tenant isolation (lists): ${cases} lists read, ${items} items shown, ${leaks.length} leaks`);
    expect(leaks).toEqual([]);
  });

  test('a guarantor profile is read by its own institution and platform readers only', async () => {
    const guarantors = docsByCollection.get('institutions')!.filter((i) => i['type'] === 'guarantee_institution');
    const leaks: string[] = [];
    const refusals: string[] = [];
    for (const g of guarantors) {
      const id = g._id.toHexString();
      for (const user of demoUsers) {
        const res = await t.api.get(`/api/guarantee-institutions/${id}/profile`, tokens.get(user.username));
        const own = tenantOf.get(user.username) === id;
        if (own && res.status !== 200) refusals.push(`${user.username}: ${res.status}`);
        const mayRead = own || allTenantsReaders.has(user.username);
        if (!mayRead && res.status === 200) leaks.push(`${user.username} read ${g['name'] as string}`);
      }
    }
    console.log(`tenant isolation (guarantor profiles): ${guarantors.length * demoUsers.length} cases, ${leaks.length} leaks`);
    expect(refusals).toEqual([]);
    expect(leaks).toEqual([]);
  });
});
