import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { databaseDigest, startTestPlatform, type TestPlatform } from '../../../../test-support/test-platform.js';

let t: TestPlatform;
const tokens: Record<string, string> = {};
let walnutCoop = '';
let forestRightId = '';
let certificateId = '';

const post = (path: string, body: unknown, user: string) => t.api.post(path, body, tokens[user]);
function ok(res: { status: number; body: any }, step: string): any {
  if (res.status >= 300) throw new Error(`${step}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}
async function upload(user: string, text: string, filename: string): Promise<string> {
  const res = await fetch(`${t.baseUrl}/api/documents`, {
    method: 'POST', headers: { Authorization: `Bearer ${tokens[user]}`, 'Content-Type': 'application/pdf', 'X-Filename': encodeURIComponent(filename) }, body: Buffer.from(text),
  });
  return ((await res.json()) as { id: string }).id;
}

const certificate = (number: string, validUntil = '2027-12-31', documentIds: string[] = []) => ({
  certificateNumber: number, scheme: 'xinjiang_quality', producerSubjectId: walnutCoop, productName: '阿克苏薄皮核桃',
  scope: '温宿县托乎拉乡核桃经济林 86.7 公顷所产薄皮核桃的种植、采收与初加工', validFrom: '2026-01-01', validUntil, documentIds,
});

/** A batch with the five steps: harvest and processing by the cooperative, inspection by the certifier, transport by the cold chain, sale by the cooperative. */
async function batchWithChain(code: string, certId = certificateId): Promise<any> {
  ok(await post('/api/product-batches', { code, certificateId: certId, originAssetId: forestRightId, quantity: 12_000, unit: 'kg' }, 'walnut.coop'), 'batch');
  const steps: [string, string, string, string, string][] = [
    ['walnut.coop', 'harvest', '2026-09-20T02:00:00Z', '温宿县托乎拉乡核桃园 3 号地块', '人工采收青皮核桃 14,500 kg'],
    ['walnut.coop', 'processing', '2026-09-22T04:00:00Z', '温宿县合作社初加工车间', '脱青皮、清洗、晾晒，得干果 12,000 kg'],
    ['certifier', 'inspection', '2026-09-25T03:00:00Z', '新疆品质认证中心阿克苏检测室', '抽检 20 个样品：水分 7.2 %，黄曲霉毒素未检出'],
    ['coldchain', 'transport', '2026-09-28T01:00:00Z', '阿克苏—乌鲁木齐', '冷链运输 1,012 公里，全程 2–8 °C'],
    ['walnut.coop', 'sale', '2026-10-02T06:00:00Z', '乌鲁木齐北园春市场', '批发销售 12,000 kg'],
  ];
  let trace: any;
  for (const [user, type, performedAt, location, description] of steps) {
    trace = ok(await post('/api/custody-steps', { batchCode: code, type, performedAt, location, description }, user), `${type} step`);
  }
  return trace;
}

const steps = () => t.platform.connection.db!.collection('custody_steps');

beforeAll(async () => {
  t = await startTestPlatform({ seedDemo: true, start: new Date('2026-11-29T08:00:00Z') });
  for (const u of ['certifier', 'coldchain', 'walnut.coop', 'enterprise', 'regulator', 'bank.officer']) tokens[u] = await t.api.login(u);
  const producers = ok(await t.api.get('/api/certification/producers', tokens['certifier']), 'producers');
  walnutCoop = producers.find((p: any) => p.name === '阿克苏核桃林下经济合作社').id;
  const assets = ok(await t.api.get('/api/assets?assetType=forest_right', tokens['walnut.coop']), 'assets');
  forestRightId = assets.items.find((a: any) => a.name === '温宿县核桃经济林林权').id;
  const documentId = await upload('certifier', '新疆品质认证证书 XJPZ-2026-0188', '新疆品质认证证书.pdf');
  const issued = await post('/api/certificates', certificate('XJPZ-2026-0188', '2027-12-31', [documentId]), 'certifier');
  expect(issued.status).toBe(201);
  certificateId = issued.body.id;
});
afterAll(() => t.close());

describe('certificates', () => {
  test('a certifier certifies the cooperative’s walnuts: valid today, the document’s SHA-256 recorded, the producer sees it', async () => {
    const mine = ok(await t.api.get('/api/certificates', tokens['walnut.coop']), 'list');
    const cert = mine.items.find((c: any) => c.id === certificateId);
    expect(cert).toMatchObject({
      certificateNumber: 'XJPZ-2026-0188', scheme: 'xinjiang_quality', state: 'ACTIVE', validity: 'valid', valid: true,
      certifierName: '新疆品质认证中心（演示）', producerName: '阿克苏核桃林下经济合作社', documents: [{ filename: '新疆品质认证证书.pdf' }],
    });
    expect(cert.documents[0].sha256).toMatch(/^[0-9a-f]{64}$/);
    // Another enterprise sees none of the cooperative's certificates.
    expect((await t.api.get(`/api/certificates/${certificateId}`, tokens['enterprise'])).status).toBe(404);
  });

  test('a second certificate with the same number is refused and writes nothing', async () => {
    const before = await databaseDigest(t.platform);
    const res = await post('/api/certificates', certificate('XJPZ-2026-0188'), 'certifier');
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('CERTIFICATE_NUMBER_EXISTS');
    expect(await databaseDigest(t.platform)).toEqual(before);
  });
});

describe('the custody chain and the public lookup', () => {
  test('five signed steps by three performers verify on the public page, without a login', async () => {
    await batchWithChain('XJ-2026-WAL001');
    const res = await t.api.get('/api/public/products/XJ-2026-WAL001');
    expect(res.status).toBe(200);
    expect(res.body.batch).toMatchObject({ code: 'XJ-2026-WAL001', productName: '阿克苏薄皮核桃', quantity: 12_000, unit: 'kg', producerName: '阿克苏核桃林下经济合作社', origin: { assetType: 'forest_right', certificateNumber: '新(2023)温宿县林权第0158号' } });
    expect(res.body.certificate).toMatchObject({ certificateNumber: 'XJPZ-2026-0188', validity: 'valid', valid: true, validUntil: '2027-12-31' });
    expect(res.body.chain.map((s: any) => [s.seq, s.type, s.performerName, s.signatureValid])).toEqual([
      [1, 'harvest', '阿克苏核桃林下经济合作社', true],
      [2, 'processing', '阿克苏核桃林下经济合作社', true],
      [3, 'inspection', '新疆品质认证中心（演示）', true],
      [4, 'transport', '天山冷链物流有限公司', true],
      [5, 'sale', '阿克苏核桃林下经济合作社', true],
    ]);
    expect(res.body.chain[0].prevHash).toBe('0'.repeat(64));
    for (let i = 1; i < 5; i++) expect(res.body.chain[i].prevHash).toBe(res.body.chain[i - 1].hash);
    expect(res.body.verification).toEqual({ ok: true, checked: 5, firstBroken: null });
    // The label's QR code is an SVG pointing at the public page.
    const qr = await fetch(`${t.baseUrl}/api/public/products/XJ-2026-WAL001/qr.svg?origin=https://trace.example.cn`);
    expect(qr.status).toBe(200);
    expect(qr.headers.get('content-type')).toContain('image/svg+xml');
    expect(await qr.text()).toMatch(/^<svg/);
  });

  test('steps out of order are refused: the chain starts with the harvest and nothing follows the sale', async () => {
    ok(await post('/api/product-batches', { code: 'XJ-2026-WAL002', certificateId, originAssetId: forestRightId, quantity: 500, unit: 'kg' }, 'walnut.coop'), 'batch');
    const first = await post('/api/custody-steps', { batchCode: 'XJ-2026-WAL002', type: 'transport', performedAt: '2026-10-01T00:00:00Z', location: '阿克苏', description: '运输' }, 'coldchain');
    expect(first.body.error).toMatchObject({ code: 'CUSTODY_STEP_INVALID', field: 'type' });
    const afterSale = await post('/api/custody-steps', { batchCode: 'XJ-2026-WAL001', type: 'transport', performedAt: '2026-10-05T00:00:00Z', location: '乌鲁木齐', description: '再运输' }, 'coldchain');
    expect(afterSale.body.error).toMatchObject({ code: 'CUSTODY_STEP_INVALID' });
    // Another producer cannot write into the cooperative's chain.
    const stranger = await post('/api/custody-steps', { batchCode: 'XJ-2026-WAL002', type: 'harvest', performedAt: '2026-10-01T00:00:00Z', location: '和田', description: '采收' }, 'enterprise');
    expect(stranger.status).toBe(404);
  });

  test('a changed step is detected at that step', async () => {
    const trace = await batchWithChain('XJ-2026-TAMPER1');
    await steps().updateOne({ batchId: trace.batch.id, seq: 3 }, { $set: { description: '抽检 20 个样品：全部合格（已改）' } });
    const res = await t.api.get('/api/public/products/XJ-2026-TAMPER1');
    expect(res.body.verification).toEqual({ ok: false, checked: 5, firstBroken: { seq: 3, reason: 'its contents do not match its hash (the step was changed)' } });
    expect(res.body.chain.map((s: any) => s.hashValid)).toEqual([true, true, false, true, true]);
  });

  test('a step rewritten with its hash recomputed (and the rest of the chain relinked) fails its signature', async () => {
    const trace = await batchWithChain('XJ-2026-TAMPER2');
    const { hashCustodyStep } = await import('../custody-chain.js');
    const chain = await steps().find({ batchId: trace.batch.id }).sort({ seq: 1 }).toArray();
    let prevHash = chain[1]!['hash'] as string;
    for (const doc of chain.slice(2)) {
      const changed = { ...doc, prevHash, ...(doc['seq'] === 3 ? { description: '抽检全部合格（伪造）' } : {}) } as any;
      const hash = hashCustodyStep(changed);
      await steps().updateOne({ _id: doc._id }, { $set: { description: changed.description, prevHash, hash } });
      prevHash = hash;
    }
    await t.platform.connection.db!.collection('product_batches').updateOne({ code: 'XJ-2026-TAMPER2' }, { $set: { 'head.hash': prevHash } });
    const res = await t.api.get('/api/public/products/XJ-2026-TAMPER2');
    expect(res.body.verification).toEqual({ ok: false, checked: 5, firstBroken: { seq: 3, reason: 'its signature does not verify with the performer’s key' } });
    expect(res.body.chain.map((s: any) => s.signatureValid)).toEqual([true, true, false, false, false]);
  });

  test('a removed step is detected, in the middle and at the end', async () => {
    const middle = await batchWithChain('XJ-2026-TAMPER3');
    await steps().deleteOne({ batchId: middle.batch.id, seq: 2 });
    expect((await t.api.get('/api/public/products/XJ-2026-TAMPER3')).body.verification).toEqual({ ok: false, checked: 4, firstBroken: { seq: 3, reason: 'step 2 is missing (removed)' } });

    const end = await batchWithChain('XJ-2026-TAMPER4');
    await steps().deleteOne({ batchId: end.batch.id, seq: 5 });
    expect((await t.api.get('/api/public/products/XJ-2026-TAMPER4')).body.verification).toEqual({ ok: false, checked: 4, firstBroken: { seq: 5, reason: 'the chain ends at step 4 but the batch recorded 5 steps (a step was removed)' } });
  });

  test('an inserted step is detected', async () => {
    const trace = await batchWithChain('XJ-2026-TAMPER5');
    const chain = await steps().find({ batchId: trace.batch.id }).sort({ seq: 1 }).toArray();
    // A forged inspection between processing (2) and inspection (3): later steps renumbered.
    for (const doc of chain.slice(2).reverse()) await steps().updateOne({ _id: doc._id }, { $set: { seq: (doc['seq'] as number) + 1 } });
    const { _id, ...copy } = chain[2]!;
    await steps().insertOne({ ...copy, seq: 3, description: '伪造的复检记录', prevHash: chain[1]!['hash'] });
    const res = await t.api.get('/api/public/products/XJ-2026-TAMPER5');
    expect(res.body.verification.ok).toBe(false);
    expect(res.body.verification.firstBroken).toEqual({ seq: 3, reason: 'its contents do not match its hash (the step was changed)' });
    expect(res.body.chain).toHaveLength(6);
  });
});

describe('validity over time', () => {
  test('an expired certificate shows invalid on the public page, and no new batch can use it', async () => {
    const short = ok(await post('/api/certificates', certificate('XJPZ-2026-0199', '2026-12-15'), 'certifier'), 'certificate');
    await batchWithChain('XJ-2026-EXP001', short.id);
    expect((await t.api.get('/api/public/products/XJ-2026-EXP001')).body.certificate).toMatchObject({ validity: 'valid', valid: true });
    t.clock.advance(17 * 86_400_000); // 2026-12-16 in China
    try {
    tokens['walnut.coop'] = await t.api.login('walnut.coop');
    const after = await t.api.get('/api/public/products/XJ-2026-EXP001');
    expect(after.body.certificate).toMatchObject({ validity: 'expired', valid: false, validUntil: '2026-12-15' });
    expect(after.body.verification.ok).toBe(true);
    const refused = await post('/api/product-batches', { code: 'XJ-2026-EXP002', certificateId: short.id, originAssetId: forestRightId, quantity: 1, unit: 'kg' }, 'walnut.coop');
    expect(refused.body.error).toMatchObject({ code: 'CERTIFICATE_NOT_VALID', details: { validity: 'expired' } });
    } finally {
      t.clock.advance(-17 * 86_400_000);
      tokens['walnut.coop'] = await t.api.login('walnut.coop');
    }
  });

  test('a revoked certificate shows revoked; revoking twice is refused', async () => {
    const cert = ok(await post('/api/certificates', certificate('XJPZ-2026-0200'), 'certifier'), 'certificate');
    await batchWithChain('XJ-2026-REV001', cert.id);
    const revoked = await post(`/api/certificates/${cert.id}/revoke`, { reason: '抽检不合格' }, 'certifier');
    expect(revoked.body).toMatchObject({ state: 'REVOKED', validity: 'revoked', valid: false, revocation: { reason: '抽检不合格' } });
    expect((await t.api.get('/api/public/products/XJ-2026-REV001')).body.certificate).toMatchObject({ validity: 'revoked', valid: false });
    expect((await post(`/api/certificates/${cert.id}/revoke`, { reason: '再次' }, 'certifier')).body.error.code).toBe('CERTIFICATE_INVALID_TRANSITION');
  });

  test('the demo product XJ-2026-AKSU01 shows a valid 新疆品质 certificate and a verified five-step chain', async () => {
    const res = await t.api.get('/api/public/products/XJ-2026-AKSU01');
    expect(res.body.certificate).toMatchObject({ certificateNumber: 'XJPZ-2026-0088', validity: 'valid', certifierName: '新疆品质认证中心（演示）' });
    expect(res.body.chain.map((s: any) => s.type)).toEqual(['harvest', 'processing', 'inspection', 'transport', 'sale']);
    expect(res.body.verification).toEqual({ ok: true, checked: 5, firstBroken: null });
  });

  test('an unknown code is 404 on the public lookup', async () => {
    expect((await t.api.get('/api/public/products/XJ-0000-NOPE')).status).toBe(404);
  });
});
