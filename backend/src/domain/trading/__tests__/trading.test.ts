import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { databaseDigest, startTestPlatform, type TestPlatform } from '../../../../test-support/test-platform.js';

let t: TestPlatform;
const tokens: Record<string, string> = {};
let walnutWater = '';
let hotanWater = '';
const market = { assetType: 'water_right', priceReference: 'water_lease:塔里木河' };

const post = (path: string, body: unknown, user: string) => t.api.post(path, body, tokens[user]);
function ok(res: { status: number; body: any }, step: string): any {
  if (res.status >= 300) throw new Error(`${step}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}
const assetDoc = (id: string) => t.platform.repositories.assets.findById(id) as Promise<any>;

beforeAll(async () => {
  t = await startTestPlatform({ seedDemo: true, start: new Date('2026-11-29T08:00:00Z') });
  for (const u of ['walnut.coop', 'enterprise', 'trader', 'bank.approver', 'bosten.approver', 'regulator']) tokens[u] = await t.api.login(u);
  walnutWater = ok(await t.api.get('/api/assets?assetType=water_right', tokens['walnut.coop']), 'assets').items.find((a: any) => a.name === '阿克苏核桃合作社塔里木河灌溉取水权').id;
  hotanWater = ok(await t.api.get('/api/assets?assetType=water_right', tokens['enterprise']), 'assets').items.find((a: any) => a.name === '和田玉枣基地塔里木河农业取水权').id;
  // The demo's resting water lease is withdrawn so the hand-worked books below start empty.
  for (const o of ok(await t.api.get('/api/trading/orders?state=OPEN', tokens['walnut.coop']), 'demo orders').items) ok(await post(`/api/trading/orders/${o.id}/cancel`, {}, 'walnut.coop'), 'cancel');
});

describe('the demo order book', () => {
  test('Hami Wind sold 25 t NOx at 8,050 yuan/t; 15 t offered and a 10 t bid rest; its pledged CCER waits for the bank’s consent', async () => {
    const trades = ok(await t.api.get('/api/trading/trades', tokens['trader']), 'trades');
    expect(trades.items.map((x: any) => [x.market, x.quantity, x.priceFen, x.valueFen, x.state])).toEqual([['emission_right|emission:NOx:哈密', 25, 805_000, 20_125_000, 'SETTLED']]);
    expect(ok(await t.api.get('/api/trading/book?assetType=emission_right&priceReference=emission:NOx:哈密', tokens['trader']), 'book')).toEqual({
      market: 'emission_right|emission:NOx:哈密', asks: [{ priceFen: 805_000, quantity: 15 }], bids: [{ priceFen: 790_000, quantity: 10 }],
    });
    expect(await t.platform.repositories.prices.findOn('emission:NOx:哈密', '2026-11-29')).toMatchObject({ priceFen: 805_000, source: 'platform-trading' });
    const queue = ok(await t.api.get('/api/trading/orders?state=AWAITING_CONSENT', tokens['bank.approver']), 'consents').items;
    expect(queue.map((o: any) => [o.market, o.quantity, o.priceFen, o.consent.decision])).toEqual([['carbon|carbon:CCER', 1_000, 7_050, 'pending']]);
  });
});
afterAll(() => t.close());

describe('matching and settlement', () => {
  test('a bid takes the cheaper offer first and part of the next; the registry and the price series follow', async () => {
    const first = ok(await post('/api/trading/offers', { assetId: walnutWater, kind: 'lease', leasePeriod: { from: '2027-01-01', to: '2027-12-31' }, quantity: 5_000, priceFen: 42 }, 'walnut.coop'), 'offer 1');
    t.clock.advance(60_000);
    const second = ok(await post('/api/trading/offers', { assetId: walnutWater, kind: 'lease', leasePeriod: { from: '2027-01-01', to: '2027-12-31' }, quantity: 3_000, priceFen: 40 }, 'walnut.coop'), 'offer 2');
    expect([first.order.state, second.order.state, first.trades, second.trades]).toEqual(['OPEN', 'OPEN', [], []]);
    expect(ok(await t.api.get('/api/trading/book?assetType=water_right&priceReference=water_lease:塔里木河', tokens['trader']), 'book')).toEqual({
      market: 'water_right|water_lease:塔里木河', asks: [{ priceFen: 40, quantity: 3_000 }, { priceFen: 42, quantity: 5_000 }], bids: [],
    });

    const bid = ok(await post('/api/trading/bids', { ...market, quantity: 6_000, priceFen: 42 }, 'trader'), 'bid');
    expect(bid.order).toMatchObject({ state: 'FILLED', remaining: 0 });
    expect(bid.trades.map((tr: any) => [tr.sellOrderId, tr.quantity, tr.priceFen, tr.valueFen, tr.state, tr.kind])).toEqual([
      [second.order.id, 3_000, 40, 120_000, 'SETTLED', 'lease'],
      [first.order.id, 3_000, 42, 126_000, 'SETTLED', 'lease'],
    ]);
    expect(ok(await t.api.get(`/api/trading/orders/${first.order.id}`, tokens['walnut.coop']), 'order')).toMatchObject({ state: 'OPEN', remaining: 2_000 });
    expect(ok(await t.api.get(`/api/trading/orders/${second.order.id}`, tokens['walnut.coop']), 'order')).toMatchObject({ state: 'FILLED', remaining: 0 });
    // 1,800,000 m³ allocated − 6,000 leased.
    const asset = await assetDoc(walnutWater);
    expect(asset.trading).toMatchObject({ total: 1_800_000, available: 1_794_000 });
    expect(asset.trading.transfers.map((x: any) => x.quantity)).toEqual([3_000, 3_000]);
    // (3,000 × 40 + 3,000 × 42) / 6,000 = 41 fen/m³ on 29 Nov (China).
    expect(await t.platform.repositories.prices.findOn('water_lease:塔里木河', '2026-11-29')).toMatchObject({ priceFen: 41, source: 'platform-trading', unit: 'yuan/m3' });
  });

  test('a quantity that is not a whole number of lots is refused and writes nothing', async () => {
    const before = await databaseDigest(t.platform);
    const res = await post('/api/trading/bids', { ...market, quantity: 1_500, priceFen: 40 }, 'trader');
    expect(res.body.error).toMatchObject({ code: 'TRADING_LOT_INVALID', field: 'quantity', details: { lot: 1_000 } });
    expect(await databaseDigest(t.platform)).toEqual(before);
  });
});

describe('pledged rights', () => {
  test('a pledged right cannot be sold without the pledgee bank’s consent; with it the sale settles', async () => {
    const offer = ok(await post('/api/trading/offers', { assetId: hotanWater, kind: 'sale', quantity: 1_000, priceFen: 30 }, 'enterprise'), 'offer');
    expect(offer.order).toMatchObject({ state: 'AWAITING_CONSENT', consent: { decision: 'pending' } });
    const bid = ok(await post('/api/trading/bids', { ...market, quantity: 1_000, priceFen: 30 }, 'trader'), 'bid');
    expect([bid.order.state, bid.trades]).toEqual(['OPEN', []]);
    // The registry itself refuses to move quantity of a pledged asset without a consenting bank.
    const refused = await t.platform.services.tradingRepositories.registry.transfer(hotanWater, {
      settlementKey: 'forced', tradeId: 'forced', sellerSubjectId: (await assetDoc(hotanWater)).subjectId, buyerSubjectId: 'x', quantity: 1_000, kind: 'sale', title: false, consentedBy: null, at: t.clock.now(),
    });
    expect(refused).toBe(false);
    // Another bank cannot consent.
    expect((await post(`/api/trading/orders/${offer.order.id}/consent`, { decision: 'consent', note: '同意' }, 'bosten.approver')).status).toBe(404);

    const queue = ok(await t.api.get('/api/trading/orders?state=AWAITING_CONSENT', tokens['bank.approver']), 'queue');
    expect(queue.items.map((o: any) => o.id)).toContain(offer.order.id);
    const consented = ok(await post(`/api/trading/orders/${offer.order.id}/consent`, { decision: 'consent', note: '贷款余额充足，同意转让 1,000 m³' }, 'bank.approver'), 'consent');
    expect(consented.order).toMatchObject({ state: 'FILLED', consent: { decision: 'consented', by: { username: 'bank.approver' } } });
    expect(consented.trades.map((tr: any) => [tr.quantity, tr.priceFen, tr.state])).toEqual([[1_000, 30, 'SETTLED']]);
    const asset = await assetDoc(hotanWater);
    expect(asset.encumbrance.status).toBe('pledged');
    expect(asset.trading).toMatchObject({ total: 2_400_000, available: 2_399_000 });
    expect(asset.trading.transfers[0]).toMatchObject({ quantity: 1_000, consentedBy: asset.encumbrance.institutionId });
  });
});

describe('the last lot', () => {
  test('50 concurrent buyers of the last lot: exactly one trade, settled once; a repeated settlement changes nothing', async () => {
    const open = ok(await t.api.get('/api/trading/orders?state=OPEN', tokens['walnut.coop']), 'open');
    for (const o of open.items) ok(await post(`/api/trading/orders/${o.id}/cancel`, {}, 'walnut.coop'), 'cancel');
    const offer = ok(await post('/api/trading/offers', { assetId: walnutWater, kind: 'sale', quantity: 1_000, priceFen: 50 }, 'walnut.coop'), 'offer');
    const availableBefore = (await assetDoc(walnutWater)).trading.available;

    const results = await Promise.all(Array.from({ length: 50 }, (_v, i) => post('/api/trading/bids', { ...market, quantity: 1_000, priceFen: 50 }, i % 2 === 0 ? 'trader' : 'enterprise')));
    expect(results.map((r) => r.status)).toEqual(Array(50).fill(201));
    const trades = results.flatMap((r) => r.body.trades);
    expect(trades).toHaveLength(1);
    expect(trades[0]).toMatchObject({ sellOrderId: offer.order.id, quantity: 1_000, priceFen: 50, state: 'SETTLED' });
    expect(results.filter((r) => r.body.order.state === 'OPEN' && r.body.order.remaining === 1_000)).toHaveLength(49);
    const asset = await assetDoc(walnutWater);
    expect(asset.trading.available).toBe(availableBefore - 1_000);
    expect(asset.trading.transfers.filter((x: any) => x.tradeId === trades[0].id)).toHaveLength(1);

    const buyer = results.findIndex((r) => r.body.trades.length === 1) % 2 === 0 ? 'trader' : 'enterprise';
    const again = await post(`/api/trading/trades/${trades[0].id}/settle`, {}, buyer);
    expect(again.body).toMatchObject({ id: trades[0].id, state: 'SETTLED', settlementKey: trades[0].settlementKey });
    expect((await assetDoc(walnutWater)).trading.available).toBe(availableBefore - 1_000);
  });
});
