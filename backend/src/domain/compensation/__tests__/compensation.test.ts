import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { databaseDigest, startTestPlatform, type TestPlatform } from '../../../../test-support/test-platform.js';

let t: TestPlatform;
const tokens: Record<string, string> = {};
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await startTestPlatform({ seedDemo: true, start: new Date('2026-11-29T08:00:00Z') });
  for (const u of ['gov.aksu', 'gov.bayingolin', 'regulator', 'admin']) tokens[u] = await t.api.login(u);
  for (const u of ['gov.aksu', 'gov.bayingolin']) ids[u] = (await t.platform.repositories.users.findByUsername(u))!.institutionId!;
}, 120_000);
afterAll(() => t.close());

const agreementOf = async (basinCode: string, as = 'regulator') => (await t.api.get(`/api/compensation/agreements?basinCode=${basinCode}`, tokens[as])).body.items[0];

describe('who sees which agreement', () => {
  test('a government sees only the agreements it is party to; the regulator sees all six basins', async () => {
    const codes = async (u: string) => (await t.api.get('/api/compensation/agreements', tokens[u])).body.items.map((a: any) => [a.basinCode, a.myParty]);
    expect(await codes('gov.aksu')).toEqual([['hotan', 'downstream'], ['tarim', 'upstream']]);
    expect(await codes('gov.bayingolin')).toEqual([['tarim', 'downstream']]);
    expect((await codes('regulator')).map((c: any) => c[0])).toEqual(['baiyang_buke', 'ebinur', 'hotan', 'kaidu_kongque_bosten', 'kashgar', 'tarim']);
  });

  test('another government’s agreement and settlements are 404', async () => {
    const hotan = await agreementOf('hotan');
    expect((await t.api.get(`/api/compensation/agreements/${hotan.id}`, tokens['gov.bayingolin'])).status).toBe(404);
    const settlements = (await t.api.get(`/api/compensation/agreements/${hotan.id}`, tokens['regulator'])).body.settlements;
    expect((await t.api.get(`/api/compensation/settlements/${settlements[0].id}`, tokens['gov.bayingolin'])).status).toBe(404);
  });
});

describe('the Tarim River settlements', () => {
  test('2024: P = 0.85 × 0.25 × (0.8 + 0.84 + 0.8 + 0.9) = 0.70975 → 0.7098, downstream pays 30 million; 80 million m³ short × 0.08 yuan: upstream pays 6.4 million; net 23.6 million from Bayingolin, final', async () => {
    const tarim = (await t.api.get(`/api/compensation/agreements/${(await agreementOf('tarim')).id}`, tokens['gov.aksu'])).body;
    const s2024 = tarim.settlements.find((s: any) => s.period === '2024');
    expect(s2024).toMatchObject({ state: 'FINAL', round: 1, result: { netSignedFen: 2_360_000_000, payer: 'downstream', payee: 'upstream', amountFen: 2_360_000_000, qualityIndex: { index: '0.7098', met: true } } });
    expect(s2024.result.lines.map((l: any) => [l.code, l.payer, l.amountFen])).toEqual([['water_quality', 'downstream', 3_000_000_000], ['water_quantity', 'upstream', 640_000_000]]);
  });

  test('2025 is open: P = 0.935 (second tier, 15 million) and a 125 million m³ surplus × 0.04 yuan = 5 million, both paid by Bayingolin; both confirm → FINAL', async () => {
    const tarim = (await t.api.get(`/api/compensation/agreements/${(await agreementOf('tarim')).id}`, tokens['gov.aksu'])).body;
    const open = tarim.settlements.find((s: any) => s.period === '2025');
    expect(open).toMatchObject({ state: 'PENDING_CONFIRMATION', myParty: 'upstream', objectionOpen: true, result: { amountFen: 2_000_000_000, payer: 'downstream', qualityIndex: { index: '0.9350' } } });
    const first = await t.api.post(`/api/compensation/settlements/${open.id}/confirm`, {}, tokens['gov.aksu']);
    expect(first.body).toMatchObject({ state: 'PENDING_CONFIRMATION', confirmations: { upstream: { username: 'gov.aksu' }, downstream: null } });
    const again = await t.api.post(`/api/compensation/settlements/${open.id}/confirm`, {}, tokens['gov.aksu']);
    expect([again.status, again.body.error.code]).toEqual([409, 'COMPENSATION_ALREADY_CONFIRMED']);
    const second = await t.api.post(`/api/compensation/settlements/${open.id}/confirm`, {}, tokens['gov.bayingolin']);
    expect(second.body).toMatchObject({ state: 'FINAL', confirmations: { downstream: { username: 'gov.bayingolin' } } });
    const pdf = await fetch(`${t.baseUrl}/api/compensation/settlements/${open.id}/statement.pdf`, { headers: { Authorization: `Bearer ${tokens['gov.bayingolin']}` } });
    expect([pdf.status, pdf.headers.get('content-type')]).toEqual([200, 'application/pdf']);
  });
});

describe('objections', () => {
  test('the downstream party objects to Hotan 2025 within the window; the period is run again as round 2', async () => {
    const hotan = await agreementOf('hotan', 'gov.aksu');
    const open = (await t.api.get(`/api/compensation/agreements/${hotan.id}`, tokens['gov.aksu'])).body.settlements.find((s: any) => s.period === '2025');
    // 1 000 000 000 agreed, 955 000 000 delivered: 45 000 000 m³ × 6 fen = 270 000 000 fen paid by Hotan
    expect(open.result).toMatchObject({ payer: 'upstream', amountFen: 270_000_000 });
    const objected = await t.api.post(`/api/compensation/settlements/${open.id}/object`, { reason: '肖塔断面8月流量数据缺测，需补测后重算' }, tokens['gov.aksu']);
    expect(objected.body).toMatchObject({ state: 'OBJECTED', objection: { username: 'gov.aksu', party: 'downstream', reason: '肖塔断面8月流量数据缺测，需补测后重算' } });
    const rerun = await t.api.post(`/api/compensation/agreements/${hotan.id}/settlements`, { period: '2025', monitoring: { deliveredM3: '962000000' } }, tokens['admin']);
    expect(rerun.status).toBe(201);
    expect(rerun.body).toMatchObject({ round: 2, state: 'PENDING_CONFIRMATION', result: { amountFen: 228_000_000 } });
    const twice = await t.api.post(`/api/compensation/agreements/${hotan.id}/settlements`, { period: '2025', monitoring: { deliveredM3: '962000000' } }, tokens['admin']);
    expect([twice.status, twice.body.error.code]).toEqual([409, 'COMPENSATION_SETTLEMENT_EXISTS']);
  });

  test('after the window closes an objection is refused and nothing is written', async () => {
    const tarim = await agreementOf('tarim');
    const created = await t.api.post('/api/compensation/agreements', {
      basinCode: 'tarim', upstreamInstitutionId: ids['gov.aksu'], downstreamInstitutionId: ids['gov.bayingolin'], title: '塔里木河2026年补偿协议（测试）',
      periodFrom: '2026-01-01', periodTo: '2026-12-31', terms: tarim.terms, objectionWindowDays: 1,
    }, tokens['admin']);
    expect(created.status).toBe(201);
    const run = await t.api.post(`/api/compensation/agreements/${created.body.id}/settlements`, { period: '2026', monitoring: { pollutantMeans: { codmn: '3', nh3n: '0.4', tp: '0.08', tn: '0.8' }, deliveredM3: '3500000000' } }, tokens['admin']);
    t.clock.advance(2 * 86_400_000);
    for (const u of ['gov.bayingolin', 'regulator', 'admin']) tokens[u] = await t.api.login(u);
    const before = await databaseDigest(t.platform);
    const late = await t.api.post(`/api/compensation/settlements/${run.body.id}/object`, { reason: '太晚了' }, tokens['gov.bayingolin']);
    expect([late.status, late.body.error.code]).toEqual([409, 'COMPENSATION_OBJECTION_WINDOW_CLOSED']);
    expect(await databaseDigest(t.platform)).toEqual(before);
  });

  test('terms whose weights do not sum to 1 are refused, naming the field, and nothing is written', async () => {
    const tarim = await agreementOf('tarim');
    const terms = { ...tarim.terms, waterQuality: { ...tarim.terms.waterQuality, pollutants: tarim.terms.waterQuality.pollutants.map((p: any, i: number) => (i === 0 ? { ...p, weight: '0.5' } : p)) } };
    const before = await databaseDigest(t.platform);
    const res = await t.api.post('/api/compensation/agreements', { basinCode: 'tarim', upstreamInstitutionId: ids['gov.aksu'], downstreamInstitutionId: ids['gov.bayingolin'], title: 'x', periodFrom: '2027-01-01', periodTo: '2027-12-31', terms, objectionWindowDays: 10 }, tokens['admin']);
    expect(res.body.error).toMatchObject({ code: 'COMPENSATION_INPUT_INVALID', field: 'terms.waterQuality.pollutants', message: 'the weights sum to 1.2500, not 1' });
    expect(await databaseDigest(t.platform)).toEqual(before);
  });
});
