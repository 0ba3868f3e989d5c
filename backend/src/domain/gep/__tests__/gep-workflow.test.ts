import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { defaultGepConfig } from '@eco/scoring';
import { databaseDigest, startTestPlatform, type TestPlatform } from '../../../../test-support/test-platform.js';
import { GepRunRepository } from '../../../db/gep-runs/gep-run.repository.js';
import { systemActor } from '../../../demo/seed-demo.js';
import { permissionsOf } from '../../identity/permissions.js';
import { GepService } from '../gep-service.js';

let t: TestPlatform;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  t = await startTestPlatform({ seedDemo: true, start: new Date('2026-11-29T08:00:00Z') });
  for (const u of ['gep.preparer', 'gep.reviewer', 'monitor', 'gov.aksu', 'regulator']) tokens[u] = await t.api.login(u);
  const centre = (await t.platform.repositories.users.findByUsername('gep.preparer'))!.institutionId;
  await t.platform.services.directory.createUser(systemActor, { username: 'gep.both', displayName: '兼任核算与审核', password: 'EcoDemo2026', roles: ['gep_preparer', 'gep_reviewer'], institutionId: centre });
  tokens['gep.both'] = await t.api.login('gep.both');
}, 120_000);
afterAll(() => t.close());

// Hand-worked: 1 000 000.5 m³ × 706 fen = 706 000 353; 100 tC × 38 000 = 3 800 000; 10 visits × 45 000 = 450 000.
const run2030 = { region: '塔城地区', year: 2030, population: 1000, areaKm2: '100', gdpFen: 1_420_500_706, quantities: { water_conservation: '1000000.5', carbon_sequestration: '100', recreation: '10' } };

describe('a GEP run from draft to the public page', () => {
  let id = '';

  test('the preparer computes a draft: each service = quantity × unit price, totals to the fen', async () => {
    const res = await t.api.post('/api/gep-runs', run2030, tokens['gep.preparer']);
    expect(res.status).toBe(201);
    id = res.body.id;
    expect(res.body).toMatchObject({ state: 'DRAFT', version: 1, configVersion: '2026.1', allowedActions: ['edit', 'review'], previousRunId: null, change: null });
    expect(res.body.result).toMatchObject({
      totalFen: 710_250_353, byCategory: { provisioning: 0, regulating: 709_800_353, cultural: 450_000 },
      perCapitaFen: 710_250, perKm2Fen: 7_102_504, gepToGdp: '0.5000', coverage: { withData: 3, expected: 13, shareBp: 2308 },
    });
  });

  test('a region outside the catalogue’s list of prefectures and counties is refused with the field, writing nothing', async () => {
    const before = await databaseDigest(t.platform);
    const res = await t.api.post('/api/gep-runs', { ...run2030, region: '测试州' }, tokens['gep.preparer']);
    expect([res.status, res.body.error.code, res.body.error.field]).toEqual([400, 'GEP_INPUT_INVALID', 'region']);
    expect(res.body.error.message).toBe('测试州 is not a prefecture or county of the catalogue\'s region list 2026.1');
    expect(await databaseDigest(t.platform)).toEqual(before);
    const regions = await t.api.get('/api/eco-regions');
    expect([regions.status, regions.body.regions.filter((r: any) => r.level === 'prefecture').length]).toEqual([200, 14]);
  });

  test('a draft is not public: the public list leaves it out and its page is 404, without a token', async () => {
    expect((await t.api.get('/api/public/gep-runs?region=塔城地区')).body.items).toEqual([]);
    expect((await t.api.get(`/api/public/gep-runs/${id}`)).status).toBe(404);
  });

  test('the preparer cannot review its own run, even holding the reviewer role; nothing is written', async () => {
    const own = await t.api.post('/api/gep-runs', { ...run2030, region: '喀什地区' }, tokens['gep.both']);
    const before = await databaseDigest(t.platform);
    const res = await t.api.post(`/api/gep-runs/${own.body.id}/review`, {}, tokens['gep.both']);
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('GEP_SELF_REVIEW');
    expect(await databaseDigest(t.platform)).toEqual(before);
  });

  test('a reviewer reviews and publishes; the published run can no longer be edited', async () => {
    expect((await t.api.post(`/api/gep-runs/${id}/publish`, {}, tokens['gep.reviewer'])).body.error.code).toBe('GEP_RUN_INVALID_TRANSITION');
    expect((await t.api.post(`/api/gep-runs/${id}/review`, { note: '数据齐全' }, tokens['gep.reviewer'])).body).toMatchObject({ state: 'REVIEWED', reviewedBy: { username: 'gep.reviewer' }, reviewNote: '数据齐全' });
    expect((await t.api.post(`/api/gep-runs/${id}/publish`, {}, tokens['gep.reviewer'])).body).toMatchObject({ state: 'PUBLISHED', publishedBy: { username: 'gep.reviewer' }, allowedActions: ['correct'] });
    const before = await databaseDigest(t.platform);
    const edit = await t.api.request('PUT', `/api/gep-runs/${id}`, { body: { ...run2030, quantities: { recreation: '1' } }, token: tokens['gep.preparer'] });
    expect(edit.status).toBe(409);
    expect(edit.body.error.code).toBe('GEP_RUN_IMMUTABLE');
    expect(await databaseDigest(t.platform)).toEqual(before);
  });

  test('the public page needs no login and shows the published run and its PDF', async () => {
    const list = await t.api.get('/api/public/gep-runs?region=塔城地区');
    expect(list.body.items.map((r: any) => [r.year, r.version, r.result.totalFen])).toEqual([[2030, 1, 710_250_353]]);
    expect(list.body.items[0].inputs).toEqual({ population: 1000, areaKm2: '100', gdpFen: 1_420_500_706, siteCodes: [] });
    const pdf = await fetch(`${t.baseUrl}/api/public/gep-runs/${id}/report.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
  });

  test('a correction is a new version naming what changed; publishing it supersedes version 1', async () => {
    const corrected = await t.api.post(`/api/gep-runs/${id}/corrections`, { ...run2030, quantities: { ...run2030.quantities, recreation: '12' }, changeNote: '游客人次按景区门票系统更正为12人次' }, tokens['gep.preparer']);
    expect(corrected.status).toBe(201);
    expect(corrected.body).toMatchObject({ version: 2, state: 'DRAFT', correctsRunId: id, changeNote: '游客人次按景区门票系统更正为12人次', result: { totalFen: 710_340_353 } });
    await t.api.post(`/api/gep-runs/${corrected.body.id}/review`, {}, tokens['gep.reviewer']);
    await t.api.post(`/api/gep-runs/${corrected.body.id}/publish`, {}, tokens['gep.reviewer']);
    expect((await t.api.get('/api/public/gep-runs?region=塔城地区')).body.items.map((r: any) => [r.version, r.state])).toEqual([[2, 'PUBLISHED']]);
    expect((await t.api.get(`/api/public/gep-runs/${id}`)).body).toMatchObject({ version: 1, state: 'SUPERSEDED', supersededBy: corrected.body.id, result: { totalFen: 710_250_353 } });
  });

  test('a price-only change against the previous year shows zero physical change', async () => {
    const config = { ...defaultGepConfig, version: 'test-price-rise', services: defaultGepConfig.services.map((s) => (s.code === 'water_conservation' ? { ...s, unitPriceFen: 800 } : s)) };
    const raised = new GepService({ runs: new GepRunRepository(t.platform.connection), audit: t.platform.services.audit, clock: t.clock, config });
    const preparer = (await t.platform.repositories.users.findByUsername('gep.preparer'))!;
    const caller = { principal: { userId: preparer.id, username: 'gep.preparer', roles: preparer.roles, permissions: new Set(permissionsOf(preparer.roles)), institutionId: preparer.institutionId }, requestId: 't' };
    const next = await raised.create(caller, { ...run2030, year: 2031, quantities: { ...run2030.quantities, recreation: '12' } });
    // The same quantities as the published 2030 version 2; water conservation 706 → 800 fen: 1 000 000.5 × 94 = 94 000 047 fen, all price.
    expect(next.change).toMatchObject({ valueChangeFen: 94_000_047, physicalEffectFen: 0, priceEffectFen: 94_000_047 });
    expect(next.change!.services.every((s) => s.quantityChange === '0')).toBe(true);
  });
});

describe('the demo and the asset registry link', () => {
  test('Bayingolin’s 2024 and 2025 runs are public; Aksu’s draft is not', async () => {
    const items = (await t.api.get('/api/public/gep-runs')).body.items.filter((r: any) => r.region !== '塔城地区');
    expect(items.map((r: any) => [r.region, r.year])).toEqual([['巴音郭楞蒙古自治州', 2025], ['巴音郭楞蒙古自治州', 2024]]);
    expect(items[0].change.physicalEffectFen + items[0].change.priceEffectFen).toBe(items[0].change.valueChangeFen);
    expect(items[0].change.priceEffectFen).toBe(0);
  });

  test('the Bosten Lake wetland GEP site shows the regional run it belongs to', async () => {
    const res = await t.api.get('/api/gep-sites/GEP-652800-BST-01/runs', tokens['gov.aksu']);
    expect(res.body.items.map((r: any) => [r.region, r.year])).toEqual([['巴音郭楞蒙古自治州', 2025]]);
  });
});

describe('catalogue and monitoring', () => {
  test('the Aksu fruit harvest fell 18 % against 2024 (limit 15 %): a year-on-year alert', async () => {
    const alerts = (await t.api.get('/api/eco-monitoring-alerts?region=阿克苏地区', tokens['regulator'])).body.items;
    expect(alerts.map((a: any) => [a.kind, a.date, a.value, a.reference, a.dropShare])).toEqual([['yoy_drop', '2025-12-31', '1066000', '1300000', '0.1800']]);
    expect((await t.api.get('/api/eco-monitoring-alerts?region=和田地区', tokens['regulator'])).body.items.map((a: any) => [a.kind, a.value, a.reference])).toEqual([['below_threshold', '296000000', '300000000']]);
  });

  test('an import with bad rows reports every row and stores nothing', async () => {
    const entry = (await t.api.get('/api/eco-catalogue?region=阿勒泰地区', tokens['monitor'])).body.items[0];
    const before = await databaseDigest(t.platform);
    const csv = 'date,value,unit,source\n2026-03-31,2800000,person_visit,门票系统\n2026-02-30,1,person_visit,门票系统\n2026-04-30,many,person_visit,门票系统\n2026-05-31,10,visits,门票系统\n2025-03-31,2650001,person_visit,门票系统\n';
    const res = await t.api.request('POST', `/api/eco-catalogue/${entry.id}/observations/import`, { rawBody: csv, token: tokens['monitor'], headers: { 'Content-Type': 'text/csv', 'X-Filename': 'altay.csv' } });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('MONITORING_IMPORT_INVALID');
    expect(res.body.error.details.errors.map((e: any) => [e.row, e.field])).toEqual([[3, 'date'], [4, 'value'], [5, 'unit'], [6, 'value']]);
    expect(res.body.error.details.errors[2].message).toBe('the unit visits does not match the indicator\'s unit person_visit');
    expect(await databaseDigest(t.platform)).toEqual(before);
  });

  test('a good import adds the observations and raises the year-on-year alert it calls for', async () => {
    const entry = (await t.api.get('/api/eco-catalogue?region=阿勒泰地区', tokens['monitor'])).body.items[0];
    const csv = 'date,value,unit,source\n2026-03-31,2000000,person_visit,门票系统\n2025-03-31,2650000,person_visit,门票系统\n';
    const res = await t.api.request('POST', `/api/eco-catalogue/${entry.id}/observations/import`, { rawBody: csv, token: tokens['monitor'], headers: { 'Content-Type': 'text/csv', 'X-Filename': 'altay.csv' } });
    // 2 650 000 → 2 000 000 is a 24.53 % drop (limit 20 %)
    expect(res.body).toEqual({ imported: 1, unchanged: 1, alertsRaised: [{ entryId: entry.id, region: '阿勒泰地区', kind: 'yoy_drop', date: '2026-03-31', value: '2000000', reference: '2650000', dropShare: '0.2453' }] });
    expect((await t.api.get(`/api/eco-catalogue/${entry.id}`, tokens['gov.aksu'])).body.series.map((o: any) => [o.date, o.value])).toEqual([['2024-03-31', '2100000'], ['2025-03-31', '2650000'], ['2026-03-31', '2000000']]);
  });

  test('a catalogue entry names a listed region at its level', async () => {
    const entry = { regionLevel: 'prefecture', ecosystem: 'grassland', product: '天然草原', category: 'regulating_services', indicator: '固碳量', unit: 'tC', department: '州林草局', dataSource: '草原监测' };
    const unknown = await t.api.post('/api/eco-catalogue', { ...entry, region: '测试州' }, tokens['gep.preparer']);
    expect([unknown.status, unknown.body.error.code, unknown.body.error.field]).toEqual([400, 'VALIDATION_FAILED', 'region']);
    const county = await t.api.post('/api/eco-catalogue', { ...entry, region: '和静县' }, tokens['gep.preparer']);
    expect([county.status, county.body.error.field, county.body.error.message]).toEqual([400, 'regionLevel', '和静县 is a county, not a prefecture']);
  });

  test('a provider cannot import into an entry another institution provides', async () => {
    const created = await t.api.post('/api/eco-catalogue', { region: '伊犁哈萨克自治州', regionLevel: 'prefecture', ecosystem: 'grassland', product: '天然草原', category: 'regulating_services', indicator: '固碳量', unit: 'tC', department: '州林草局', dataSource: '草原监测' }, tokens['gep.preparer']);
    expect(created.status).toBe(201);
    const res = await t.api.request('POST', `/api/eco-catalogue/${created.body.id}/observations/import`, { rawBody: 'date,value,unit,source\n2025-12-31,1,tC,x\n', token: tokens['monitor'], headers: { 'Content-Type': 'text/csv', 'X-Filename': 'x.csv' } });
    expect(res.status).toBe(404);
  });
});
