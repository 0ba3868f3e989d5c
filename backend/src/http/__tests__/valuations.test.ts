import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { defaultValuationConfig } from '@eco/scoring';
import { databaseDigest, startTestPlatform, type TestPlatform } from '../../../test-support/test-platform.js';
import { ebinurBankCode, institutionIdOf, recordPrice, timberForest, upload, verifiedAsset, waterRight } from './assets-fixtures.js';

let t: TestPlatform;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  t = await startTestPlatform({ seedDemo: true, start: new Date('2026-11-29T08:00:00Z') });
  for (const u of ['enterprise', 'walnut.coop', 'verifier', 'bank.officer', 'bosten.officer', 'ebinur.officer', 'admin']) tokens[u] = await t.api.login(u);
});
afterAll(() => t.close());

const importCsv = (csv: string, token = tokens['admin']!) =>
  fetch(`${t.baseUrl}/api/prices/import`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'text/csv', 'X-Filename': 'prices.csv' }, body: csv })
    .then(async (r) => ({ status: r.status, body: (await r.json()) as any }));

describe('market prices', () => {
  test('a CSV import stores every row; importing it again stores nothing new', async () => {
    const csv = 'reference,date,price_yuan,unit,source\r\nwater_lease:叶尔羌河,2026-10-01,0.14,yuan/m3,叶尔羌河流域管理局\r\n'
      + 'water_lease:叶尔羌河,2026-11-01,0.15,yuan/m3,"叶尔羌河流域管理局, 水权交易"\r\ntimber:银白杨,2026-11-01,620,yuan/m3,阿克苏木材市场\r\n';
    expect(await importCsv(csv)).toEqual({ status: 200, body: { imported: 3, unchanged: 0 } });
    expect(await importCsv(csv)).toEqual({ status: 200, body: { imported: 0, unchanged: 3 } });
    const series = await t.api.get(`/api/prices?reference=${encodeURIComponent('water_lease:叶尔羌河')}`, tokens['bank.officer']);
    expect(series.body.items.map((p: { date: string; priceFen: number }) => [p.date, p.priceFen])).toEqual([['2026-10-01', 14], ['2026-11-01', 15]]);
    expect(series.body.items[1].source).toBe('叶尔羌河流域管理局, 水权交易');
  });

  test('a CSV with bad rows answers 400 with every row’s error and stores nothing', async () => {
    const before = await databaseDigest(t.platform);
    const res = await importCsv('reference,date,price_yuan,unit,source\nemission:COD:阿克苏,2026-11-02,20000,yuan/tonne-year,阿克苏排污权交易\nwheat:x,2026-11-02,1,yuan,x\nemission:COD:阿克苏,2026-02-30,20000,yuan/tonne-year,x\nemission:COD:阿克苏,2026-11-03,20000.555,yuan/tonne-year,x\nwater_lease:叶尔羌河,2026-11-01,0.16,yuan/m3,x\n');
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'PRICE_IMPORT_INVALID', field: 'rows.3.reference' });
    expect(res.body.error.details.errors.map((e: { row: number; field: string }) => [e.row, e.field])).toEqual([[3, 'reference'], [4, 'date'], [5, 'price_yuan'], [6, 'price_yuan']]);
    expect(await databaseDigest(t.platform)).toEqual(before);
  });

  test('only an administrator records prices; a different price for a recorded day is a conflict', async () => {
    const body = { reference: 'emission:COD:阿克苏', date: '2026-11-05', priceFen: 2_000_000, unit: 'yuan/tonne-year', source: '阿克苏排污权交易' };
    expect((await t.api.post('/api/prices', body, tokens['bank.officer'])).status).toBe(403);
    expect((await t.api.post('/api/prices', body, tokens['admin'])).status).toBe(201);
    expect((await t.api.post('/api/prices', body, tokens['admin'])).status).toBe(200);
    expect((await t.api.post('/api/prices', { ...body, priceFen: 2_100_000 }, tokens['admin'])).body.error).toMatchObject({ code: 'PRICE_CONFLICT', field: 'date' });
  });
});

describe('valuations', () => {
  let waterId: string;
  let valuationId: string;

  beforeAll(async () => {
    waterId = await verifiedAsset(t, tokens['enterprise']!, tokens['verifier']!, waterRight(), '取水许可证');
    await t.platform.services.assetEncumbrance.pledge(waterId, 'loan-tarim-1', await institutionIdOf(t, ebinurBankCode), 300_000_00);
  });

  test('an unverified asset cannot be valued for lending; its owner may still get a preliminary estimate', async () => {
    const documentId = (await upload(t, tokens['walnut.coop']!, '林权证')).body.id;
    const draft = await t.api.post('/api/assets', { ...timberForest(), documentIds: [documentId] }, tokens['walnut.coop']);
    t.platform.services.bankRelationships.register({ subjectAppliedTo: async () => false, assetOfferedTo: async (_i, id) => id === draft.body.id, assetsOfferedTo: async () => [] });
    const lending = await t.api.post(`/api/assets/${draft.body.id}/valuations`, { purpose: 'lending' }, tokens['ebinur.officer']);
    expect(lending.status).toBe(409);
    expect(lending.body.error.code).toBe('ASSET_NOT_VERIFIED');
    const preliminary = await t.api.post(`/api/assets/${draft.body.id}/valuations`, { purpose: 'preliminary' }, tokens['walnut.coop']);
    expect(preliminary.status).toBe(201);
    expect(preliminary.body).toMatchObject({ purpose: 'preliminary', institutionId: null, valuationDate: '2026-11-29' });
    expect(preliminary.body.result).toMatchObject({ method: 'forest_right.market_price_back_calculation', valueFen: preliminary.body.valueFen });
    expect((await t.api.post(`/api/assets/${draft.body.id}/valuations`, { purpose: 'lending' }, tokens['walnut.coop'])).status).toBe(403);
  });

  test('a bank values the verified water right it holds: inputs from the record, the latest price and the configuration', async () => {
    const res = await t.api.post(`/api/assets/${waterId}/valuations`, { purpose: 'lending' }, tokens['ebinur.officer']);
    expect(res.status).toBe(201);
    valuationId = res.body.id;
    expect(res.body.request).toEqual({
      assetType: 'water_right', assetId: waterId, valuationDate: '2026-11-29', dataQuality: 'verified', annualVolumeM3: 1_200_000, pricePerM3Fen: 15, remainingYears: 4,
    });
    expect(res.body.priceSources).toEqual([{ reference: 'water_lease:叶尔羌河', date: '2026-11-01', priceFen: 15, unit: 'yuan/m3', source: '叶尔羌河流域管理局, 水权交易', role: 'pricePerM3Fen' }]);
    expect(res.body).toMatchObject({ configVersion: defaultValuationConfig.version, engineVersion: '@eco/scoring@0.1.0', previousValuationId: null, changeFen: null });
    expect(res.body.result.method).toBe('water_right.income_present_value');
    expect(res.body.valueFen).toBe(64_575_463);
    expect(res.body.valueFen).toBe(res.body.result.valueFen);
    expect(res.body.maxLoanFen).toBe(res.body.result.maxLoanFen);
  });

  test('re-running a stored valuation gives the identical result', async () => {
    const res = await t.api.post(`/api/valuations/${valuationId}/reproduce`, undefined, tokens['ebinur.officer']);
    expect(res.body).toMatchObject({ identical: true, configVersion: defaultValuationConfig.version, storedEngineVersion: '@eco/scoring@0.1.0' });
    expect(res.body.result).toEqual((await t.api.get(`/api/valuations/${valuationId}`, tokens['ebinur.officer'])).body.result);
  });

  test('the history shows the change against the previous valuation after a price rise', async () => {
    await recordPrice(t, tokens['admin']!, 'water_lease:叶尔羌河', '2026-11-20', 18, 'yuan/m3');
    const second = await t.api.post(`/api/assets/${waterId}/valuations`, { purpose: 'lending' }, tokens['ebinur.officer']);
    const first = (await t.api.get(`/api/valuations/${valuationId}`, tokens['ebinur.officer'])).body;
    expect(second.body.request.pricePerM3Fen).toBe(18);
    expect(second.body).toMatchObject({ previousValuationId: valuationId, changeFen: second.body.valueFen - first.valueFen });
    const history = await t.api.get(`/api/assets/${waterId}/valuations`, tokens['enterprise']);
    expect(history.body.items.map((v: { id: string; changeFen: number | null }) => [v.id, v.changeFen])).toEqual([[second.body.id, second.body.valueFen - first.valueFen], [valuationId, null]]);
    expect([first.valueFen, second.body.valueFen]).toEqual([64_575_463, 77_490_555]);
  });

  test('another bank cannot see the asset or its valuations', async () => {
    expect((await t.api.get(`/api/valuations/${valuationId}`, tokens['bosten.officer'])).status).toBe(404);
    expect((await t.api.get(`/api/assets/${waterId}/valuations`, tokens['bosten.officer'])).status).toBe(404);
    expect((await t.api.post(`/api/assets/${waterId}/valuations`, { purpose: 'lending' }, tokens['bosten.officer'])).status).toBe(404);
  });

  test('the valuation report is a PDF with the font embedded', async () => {
    const res = await fetch(`${t.baseUrl}/api/valuations/${valuationId}/report.pdf`, { headers: { Authorization: `Bearer ${tokens['ebinur.officer']}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(bytes.toString('latin1')).toContain('NotoSansSC');
  });

  test('a price missing for the reference answers 409 naming it', async () => {
    const forest = await verifiedAsset(t, tokens['enterprise']!, tokens['verifier']!, { ...timberForest('新(2025)和田林权第0009号'), details: { ...timberForest().details, certificateNumber: '新(2025)和田林权第0009号', species: '胡杨' } }, '林权证 0009');
    const res = await t.api.post(`/api/assets/${forest}/valuations`, { purpose: 'preliminary' }, tokens['enterprise']);
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'PRICE_MISSING', details: { reference: 'timber:胡杨' } });
  });
});

describe('valuation configuration versions', () => {
  test('the engine default is the first version; an administrator adds a validated new one that takes effect', async () => {
    expect((await t.api.get('/api/valuation-configs/current', tokens['bank.officer'])).body.version).toBe(defaultValuationConfig.version);
    const next = structuredClone(defaultValuationConfig) as any;
    next.version = '2026.12.1';
    next.assetTypes.water_right.pledgeRate = 0.4;
    delete next.$schema;
    expect((await t.api.post('/api/valuation-configs', { config: next, revaluation: { priceMoveThreshold: 0.05 } }, tokens['bank.officer'])).status).toBe(403);
    const created = await t.api.post('/api/valuation-configs', { config: next, revaluation: { priceMoveThreshold: 0.05 } }, tokens['admin']);
    expect(created.status).toBe(201);
    expect((await t.api.get('/api/valuation-configs/current', tokens['admin'])).body).toMatchObject({ version: '2026.12.1', revaluation: { priceMoveThreshold: 0.05 } });
    expect((await t.api.get('/api/valuation-configs', tokens['admin'])).body.items.map((c: { version: string }) => c.version)).toEqual(['2026.12.1', defaultValuationConfig.version]);
  });

  test('an invalid configuration or a reused version is refused with the field, writing nothing', async () => {
    const before = await databaseDigest(t.platform);
    const bad = structuredClone(defaultValuationConfig) as any;
    bad.version = '2026.12.2';
    bad.assetTypes.water_right.pledgeRate = 1.5;
    const invalid = await t.api.post('/api/valuation-configs', { config: bad, revaluation: { priceMoveThreshold: 0.05 } }, tokens['admin']);
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.field).toBe('config.assetTypes.water_right.pledgeRate');
    const reused = structuredClone(defaultValuationConfig) as any;
    const again = await t.api.post('/api/valuation-configs', { config: reused, revaluation: { priceMoveThreshold: 0.05 } }, tokens['admin']);
    expect(again.body.error).toMatchObject({ code: 'VALUATION_CONFIG_VERSION_EXISTS', field: 'config.version' });
    expect(await databaseDigest(t.platform)).toEqual(before);
  });
});
