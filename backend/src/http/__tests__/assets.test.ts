import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { databaseDigest, startTestPlatform, type TestPlatform } from '../../../test-support/test-platform.js';
import { routes } from '../routes/index.js';
import { bostenBankCode, ebinurBankCode, institutionIdOf, timberForest, upload, verifiedAsset, waterRight } from './assets-fixtures.js';

let t: TestPlatform;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  t = await startTestPlatform({ seedDemo: true });
  for (const u of ['enterprise', 'walnut.coop', 'verifier', 'bank.officer', 'bosten.officer', 'ebinur.officer', 'admin', 'regulator']) tokens[u] = await t.api.login(u);
});
afterAll(() => t.close());

describe('registering an asset', () => {
  let id: string;
  let permitId: string;

  test('an owner registers a water right as a draft, free, with its documents and their SHA-256', async () => {
    permitId = (await upload(t, tokens['enterprise']!, '取水许可证 B652900S2026-0001')).body.id;
    const res = await t.api.post('/api/assets', { ...waterRight(), documentIds: [permitId] }, tokens['enterprise']);
    expect(res.status).toBe(201);
    id = res.body.id;
    expect(res.body).toMatchObject({
      assetType: 'water_right', certificateNumber: 'B652900S2026-0001', priceReference: 'water_lease:叶尔羌河', state: 'draft',
      encumbrance: { status: 'free', loanId: null, institutionId: null }, pledgedLoan: null,
    });
    expect(res.body.documents).toEqual([{ id: permitId, filename: '许可证.pdf', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) }]);
  });

  test('a second registration of the same permit number is refused and writes nothing', async () => {
    const before = await databaseDigest(t.platform);
    const res = await t.api.post('/api/assets', waterRight(), tokens['walnut.coop']);
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'ASSET_DUPLICATE_CERTIFICATE', field: 'details.permitNumber' });
    expect(await databaseDigest(t.platform)).toEqual(before);
  });

  test('the same number is allowed for another type of right', async () => {
    const forest = timberForest('B652900S2026-0001');
    expect((await t.api.post('/api/assets', forest, tokens['walnut.coop'])).status).toBe(201);
  });

  test('bad details answer 400 naming the field; another owner’s document is refused', async () => {
    const missing = await t.api.post('/api/assets', { ...waterRight('X-1001'), details: { ...waterRight().details, basin: undefined } }, tokens['enterprise']);
    expect(missing.status).toBe(400);
    expect(missing.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'details.basin' });
    const foreign = await t.api.post('/api/assets', { ...waterRight('X-1002'), documentIds: [permitId] }, tokens['walnut.coop']);
    expect(foreign.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'documentIds.0' });
  });

  test('a bank cannot register; another subject and an unrelated bank get 404', async () => {
    expect((await t.api.post('/api/assets', waterRight('X-1003'), tokens['bank.officer'])).status).toBe(403);
    expect((await t.api.get(`/api/assets/${id}`, tokens['walnut.coop'])).status).toBe(404);
    expect((await t.api.get(`/api/assets/${id}`, tokens['bank.officer'])).status).toBe(404);
    expect((await t.api.get(`/api/assets/${id}`, tokens['regulator'])).status).toBe(200);
  });

  test('draft → submitted → verified, each step once; the verifier’s queue lists submitted assets', async () => {
    const submitted = await t.api.post(`/api/assets/${id}/submit`, undefined, tokens['enterprise']);
    expect(submitted.body.state).toBe('submitted');
    const queue = await t.api.get('/api/assets?state=submitted', tokens['verifier']);
    // Newest first: this asset, then the demo's Populus euphratica forest awaiting verification.
    expect(queue.body.items.map((a: { id: string; name: string }) => a.id === id ? 'this' : a.name)).toEqual(['this', '尉犁县塔里木河胡杨林林权']);
    expect((await t.api.post(`/api/assets/${id}/submit`, undefined, tokens['enterprise'])).body.error.code).toBe('ASSET_INVALID_TRANSITION');
    expect((await t.api.post(`/api/assets/${id}/verify`, {}, tokens['enterprise'])).status).toBe(403);
    const verified = await t.api.post(`/api/assets/${id}/verify`, { note: '与许可证原件一致' }, tokens['verifier']);
    expect(verified.body).toMatchObject({ state: 'verified', review: { decision: 'verified', by: 'verifier', note: '与许可证原件一致' } });
    expect((await t.api.post(`/api/assets/${id}/reject`, { reason: 'x' }, tokens['verifier'])).body.error.code).toBe('ASSET_INVALID_TRANSITION');
  });

  test('a submission without documents is refused; a rejected asset is revised back to draft', async () => {
    const bare = await t.api.post('/api/assets', waterRight('B652900S2026-0002'), tokens['enterprise']);
    expect((await t.api.post(`/api/assets/${bare.body.id}/submit`, undefined, tokens['enterprise'])).body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'documentIds' });
    const doc = (await upload(t, tokens['enterprise']!, '取水许可证 0002')).body.id;
    await t.api.request('PUT', `/api/assets/${bare.body.id}`, { body: { ...waterRight('B652900S2026-0002'), documentIds: [doc] }, token: tokens['enterprise'] });
    await t.api.post(`/api/assets/${bare.body.id}/submit`, undefined, tokens['enterprise']);
    const rejected = await t.api.post(`/api/assets/${bare.body.id}/reject`, { reason: '许可证已过期' }, tokens['verifier']);
    expect(rejected.body).toMatchObject({ state: 'rejected', review: { decision: 'rejected', reason: '许可证已过期' } });
    const revised = await t.api.request('PUT', `/api/assets/${bare.body.id}`, { body: { ...waterRight('B652900S2026-0002'), name: '更新后', documentIds: [doc] }, token: tokens['enterprise'] });
    expect(revised.body).toMatchObject({ state: 'draft', name: '更新后', review: null });
  });
});

describe('encumbrance (the loan workflow’s domain methods)', () => {
  let assetId: string;
  let ebinurBank: string;

  beforeAll(async () => {
    assetId = await verifiedAsset(t, tokens['walnut.coop']!, tokens['verifier']!, waterRight('B652900S2026-0100'), '取水许可证 0100');
    ebinurBank = await institutionIdOf(t, ebinurBankCode);
  });

  test('an unverified asset cannot be pledged', async () => {
    const draft = await t.api.post('/api/assets', waterRight('B652900S2026-0101'), tokens['walnut.coop']);
    await expect(t.platform.services.assetEncumbrance.pledge(draft.body.id, 'loan-x', ebinurBank)).rejects.toMatchObject({ code: 'ASSET_NOT_VERIFIED' });
  });

  test('of 50 concurrent pledges of one asset exactly one wins; the others are told it is already pledged', async () => {
    const attempts = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) => t.platform.services.assetEncumbrance.pledge(assetId, `loan-${i}`, ebinurBank, 1_000_000_00)),
    );
    const won = attempts.filter((a) => a.status === 'fulfilled');
    expect(won).toHaveLength(1);
    expect(attempts.filter((a) => a.status === 'rejected').map((a) => (a as PromiseRejectedResult).reason.code)).toEqual(Array(49).fill('ASSET_ALREADY_PLEDGED'));
    const asset = (await t.platform.repositories.assets.findById(assetId))!;
    expect(asset.encumbrance).toMatchObject({ status: 'pledged', institutionId: ebinurBank, loanId: (won[0] as PromiseFulfilledResult<{ encumbrance: { loanId: string } }>).value.encumbrance.loanId });
    expect(asset.pledgedLoan).toMatchObject({ institutionId: ebinurBank, outstandingFen: 1_000_000_00 });
  });

  test('the bank the asset is pledged to sees it, its list and its documents; another bank does not', async () => {
    expect((await t.api.get(`/api/assets/${assetId}`, tokens['ebinur.officer'])).status).toBe(200);
    const listed = (await t.api.get('/api/assets?limit=100', tokens['ebinur.officer'])).body.items as { id: string; encumbrance: { institutionId: string | null } }[];
    expect(listed.map((a) => a.id)).toContain(assetId);
    const offered = new Set(await t.platform.services.bankRelationships.assetsOfferedTo(ebinurBank));
    expect(listed.filter((a) => a.encumbrance.institutionId !== ebinurBank && !offered.has(a.id))).toEqual([]);
    expect((await t.api.get('/api/assets?limit=100', tokens['bank.officer'])).body.items.map((a: { id: string }) => a.id)).not.toContain(assetId);
    const documentId = (await t.api.get(`/api/assets/${assetId}`, tokens['ebinur.officer'])).body.documents[0].id;
    expect((await t.api.get(`/api/documents/${documentId}`, tokens['ebinur.officer'])).status).toBe(200);
    expect((await t.api.get(`/api/assets/${assetId}`, tokens['bank.officer'])).status).toBe(404);
    expect((await t.api.get(`/api/documents/${documentId}`, tokens['bank.officer'])).status).toBe(404);
  });

  test('a bank sees an asset offered to it in an application (the loan workflow’s source)', async () => {
    const offered = await verifiedAsset(t, tokens['enterprise']!, tokens['verifier']!, waterRight('B652900S2026-0102'), '取水许可证 0102');
    const bostenBank = await institutionIdOf(t, bostenBankCode);
    expect((await t.api.get(`/api/assets/${offered}`, tokens['bosten.officer'])).status).toBe(404);
    t.platform.services.bankRelationships.register({
      subjectAppliedTo: async () => false,
      assetOfferedTo: async (institutionId, id) => institutionId === bostenBank && id === offered,
      assetsOfferedTo: async (institutionId) => (institutionId === bostenBank ? [offered] : []),
    });
    expect((await t.api.get(`/api/assets/${offered}`, tokens['bosten.officer'])).status).toBe(200);
    expect((await t.api.get('/api/assets', tokens['bosten.officer'])).body.items.map((a: { id: string }) => a.id)).toContain(offered);
    expect((await t.api.get(`/api/assets/${offered}`, tokens['bank.officer'])).status).toBe(404);
    expect((await t.api.get('/api/assets', tokens['bank.officer'])).body.items.map((a: { id: string }) => a.id)).not.toContain(offered);
  });

  test('exposure, freeze, unfreeze and release follow the table and name the loan', async () => {
    const loanId = (await t.platform.repositories.assets.findById(assetId))!.encumbrance.loanId!;
    const { assetEncumbrance } = t.platform.services;
    expect((await assetEncumbrance.updateLoanExposure(assetId, loanId, 800_000_00)).pledgedLoan?.outstandingFen).toBe(800_000_00);
    await expect(assetEncumbrance.updateLoanExposure(assetId, 'another-loan', 1)).rejects.toMatchObject({ code: 'ASSET_NOT_PLEDGED' });
    await expect(assetEncumbrance.release(assetId, 'another-loan')).rejects.toMatchObject({ code: 'ASSET_NOT_PLEDGED' });
    expect((await assetEncumbrance.freeze(assetId, loanId)).encumbrance.status).toBe('frozen');
    await expect(assetEncumbrance.pledge(assetId, 'loan-y', ebinurBank)).rejects.toMatchObject({ code: 'ASSET_FROZEN' });
    expect((await assetEncumbrance.unfreeze(assetId, loanId)).encumbrance.status).toBe('pledged');
    const released = await assetEncumbrance.release(assetId, loanId);
    expect(released.encumbrance).toMatchObject({ status: 'free', loanId: null, institutionId: null });
    expect(released.pledgedLoan).toBeNull();
    expect((await t.api.get(`/api/assets/${assetId}`, tokens['ebinur.officer'])).status).toBe(404);
  });

  test('no asset route changes encumbrance (only the loan workflow does, through these methods)', () => {
    expect(routes.filter((r) => r.path.startsWith('/api/assets') && /pledge|release|freeze|encumbrance|exposure/.test(r.path)).map((r) => r.path)).toEqual([]);
  });
});
