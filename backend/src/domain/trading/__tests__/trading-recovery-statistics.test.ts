import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { databaseDigest, startTestPlatform, type TestPlatform } from '../../../../test-support/test-platform.js';
import { jobDefinitions } from '../../../jobs/index.js';

// A trade whose request died after matching (MATCHED, not settled) is settled by the recovery job;
// settled trades then show in the regulator's statistics by right type and month.
let t: TestPlatform;
const tokens: Record<string, string> = {};
let walnutWater = '';
const market = { assetType: 'water_right', priceReference: 'water_lease:塔里木河' };
const lease = { kind: 'lease', leasePeriod: { from: '2027-01-01', to: '2027-12-31' } };

const post = (path: string, body: unknown, user: string) => t.api.post(path, body, tokens[user]);
function ok(res: { status: number; body: any }, step: string): any {
  if (res.status >= 300) throw new Error(`${step}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}
const asset = async () => (await t.platform.repositories.assets.findById(walnutWater)) as any;
const tradesOf = () => t.platform.connection.db!.collection('trades').find({ market: 'water_right|water_lease:塔里木河' }).sort({ matchedAt: 1 }).toArray();
const loginAll = async () => { for (const u of ['walnut.coop', 'trader', 'regulator', 'bank.officer']) tokens[u] = await t.api.login(u); };

beforeAll(async () => {
  t = await startTestPlatform({ seedDemo: true, start: new Date('2026-11-29T04:00:00Z') });
  // The trades below happen on 1 December (China), a month after the demo's NOx trade.
  t.clock.advance(2 * 86_400_000);
  await loginAll();
  walnutWater = ok(await t.api.get('/api/assets?assetType=water_right', tokens['walnut.coop']), 'assets').items.find((a: any) => a.name === '阿克苏核桃合作社塔里木河灌溉取水权').id;
  for (const o of ok(await t.api.get('/api/trading/orders?state=OPEN', tokens['walnut.coop']), 'demo orders').items) ok(await post(`/api/trading/orders/${o.id}/cancel`, {}, 'walnut.coop'), 'cancel');
}, 120_000);
afterAll(() => t.close());

describe('the markets come from the versioned configuration', () => {
  test('each market names its minimum lot and the configuration version', async () => {
    const markets = ok(await t.api.get('/api/trading/markets', tokens['trader']), 'markets');
    expect(markets.map((m: any) => [m.assetType, m.unit, m.lot, m.configVersion])).toEqual([
      ['water_right', 'm3', 1_000, '2026.11.1'], ['emission_right', 't', 1, '2026.11.1'], ['carbon', 'tCO2e', 100, '2026.11.1'],
      ['land_right', 'title', 1, '2026.11.1'], ['forest_right', 'title', 1, '2026.11.1'],
    ]);
  });
});

describe('trading.recovery: a trade left MATCHED by a crash is settled once', () => {
  test('the job is registered', () => {
    expect(jobDefinitions.find((j) => j.name === 'trading.recovery')).toMatchObject({ every: '5 minutes' });
  });

  test('the process dies after the match: the trade stays MATCHED and nothing moved in the registry', async () => {
    ok(await post('/api/trading/offers', { assetId: walnutWater, ...lease, quantity: 2_000, priceFen: 41 }, 'walnut.coop'), 'offer');
    const available = (await asset()).trading.available;
    const trading = t.platform.services.trading as unknown as Record<string, unknown>;
    trading['settle'] = async () => { throw new Error('process died before settlement'); };
    try {
      expect((await post('/api/trading/bids', { ...market, quantity: 2_000, priceFen: 41 }, 'trader')).status).toBe(500);
    } finally {
      delete trading['settle'];
    }
    // The fill records the minimum lot and the trading configuration version (scoring/config/trading-config.json) it was made under.
    expect((await tradesOf()).map((x) => [x['quantity'], x['priceFen'], x['valueFen'], x['lot'], x['configVersion'], x['state']])).toEqual([[2_000, 41, 82_000, 1_000, '2026.11.1', 'MATCHED']]);
    expect((await asset()).trading.available).toBe(available);
    expect(await t.platform.repositories.prices.findOn('water_lease:塔里木河', '2026-12-01')).toBeUndefined();
  });

  test('within a minute of the match the job leaves it (the request may still settle it)', async () => {
    expect(await t.platform.services.trading.recoverMatched()).toEqual({ settled: 0, failed: 0 });
    expect((await tradesOf())[0]!['state']).toBe('MATCHED');
  });

  test('after a minute the job settles it: 2,000 m³ move once, the price is published; rerun, it changes nothing', async () => {
    const available = (await asset()).trading.available;
    t.clock.advance(2 * 60_000);
    expect(await t.platform.services.trading.recoverMatched()).toEqual({ settled: 1, failed: 0 });
    const [trade] = await tradesOf();
    expect(trade!['state']).toBe('SETTLED');
    const after = await asset();
    expect(after.trading.available).toBe(available - 2_000);
    expect(after.trading.transfers.filter((x: any) => x.settlementKey === trade!['settlementKey']).map((x: any) => x.quantity)).toEqual([2_000]);
    expect(await t.platform.repositories.prices.findOn('water_lease:塔里木河', '2026-12-01')).toMatchObject({ priceFen: 41, source: 'platform-trading' });
    const before = await databaseDigest(t.platform);
    expect(await t.platform.services.trading.recoverMatched()).toEqual({ settled: 0, failed: 0 });
    expect(await databaseDigest(t.platform)).toEqual(before);
  });
});

describe('trades in the regulator’s statistics', () => {
  const expected = [
    // Demo (29 Nov): Hami Wind sold 25 t NOx at 8,050 yuan/t = 20,125,000 fen.
    { assetType: 'emission_right', month: '2026-11', unit: 't', trades: 1, quantity: 25, valueFen: 20_125_000 },
    // 1 Dec: the recovered 2,000 m³ at 41 fen (82,000) and 3,000 m³ at 40 fen (120,000).
    { assetType: 'water_right', month: '2026-12', unit: 'm3', trades: 2, quantity: 5_000, valueFen: 202_000 },
  ];

  beforeAll(async () => {
    await loginAll();
    ok(await post('/api/trading/offers', { assetId: walnutWater, ...lease, quantity: 3_000, priceFen: 40 }, 'walnut.coop'), 'offer');
    expect(ok(await post('/api/trading/bids', { ...market, quantity: 3_000, priceFen: 40 }, 'trader'), 'bid').trades.map((x: any) => x.state)).toEqual(['SETTLED']);
  });

  test('traded volume and value by right type and month', async () => {
    const s = ok(await t.api.get('/api/statistics/green-finance', tokens['regulator']), 'statistics');
    expect(s.trading).toEqual(expected);
  });

  test('the same as CSV (?table=trades)', async () => {
    const res = await t.api.request('GET', '/api/statistics/green-finance.csv?quarter=2026Q4&table=trades', { token: tokens['regulator'] });
    expect([res.status, res.headers.get('content-disposition')]).toEqual([200, 'attachment; filename="green-finance-trades-2026Q4.csv"']);
    expect(String(res.body)).toBe('right_type,month,unit,trades,quantity,value_fen\nemission_right,2026-11,t,1,25,20125000\nwater_right,2026-12,m3,2,5000,202000\n');
  });

  test('a bank’s statistics hold no trades (its own loan figures only)', async () => {
    expect(ok(await t.api.get('/api/statistics/green-finance', tokens['bank.officer']), 'bank statistics').trading).toBeNull();
    const res = await t.api.request('GET', '/api/statistics/green-finance.csv?quarter=2026Q4&table=trades', { token: tokens['bank.officer'] });
    expect(String(res.body)).toBe('right_type,month,unit,trades,quantity,value_fen\n');
  });
});
