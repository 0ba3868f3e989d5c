import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { startTestPlatform, type TestPlatform } from '../../../test-support/test-platform.js';
import { demoAssets } from '../assets-demo.js';
import { demoPriceSeries } from '../prices-demo.js';

let t: TestPlatform;

beforeAll(async () => {
  t = await startTestPlatform({ seedDemo: true, start: new Date('2026-11-29T08:00:00Z') });
});
afterAll(() => t.close());

describe('the demo assets and prices', () => {
  test('every demo price series covers the year to today (carbon on weekdays, the others monthly)', async () => {
    const { items } = (await t.api.get('/api/prices/references', await t.api.login('admin'))).body;
    expect(items.map((r: { reference: string }) => r.reference)).toEqual(demoPriceSeries.map((s) => s.reference).sort());
    const cea = (await t.api.get(`/api/prices?reference=${encodeURIComponent('carbon:CEA')}`, await t.api.login('admin'))).body.items;
    expect([cea[0].date, cea.at(-1).date, cea.length]).toEqual(['2025-12-01', '2026-11-27', 260]);
  });

  test('the owners see their assets in the stage the demo takes them to', async () => {
    const states = async (user: string) => (await t.api.get('/api/assets', await t.api.login(user))).body.items.map((a: { state: string; encumbrance: { status: string } }) => `${a.state}/${a.encumbrance.status}`).sort();
    expect(await states('walnut.coop')).toEqual(['verified/free', 'verified/pledged']);
    expect(await states('citizen')).toEqual(['draft/free']);
    expect((await t.api.get('/api/assets?state=submitted', await t.api.login('verifier'))).body.total).toBe(1);
    expect((await t.api.get('/api/assets', await t.api.login('admin'))).body.total).toBe(demoAssets.length);
  });

  test('塔里木农村商业银行 holds three pledged assets, each with a lending valuation; the Hami CCER loan is over its LTV', async () => {
    const token = await t.api.login('bank.officer');
    const pledged = (await t.api.get('/api/assets', token)).body.items;
    expect(pledged.map((a: { assetType: string }) => a.assetType).sort()).toEqual(['carbon', 'forest_right', 'water_right']);
    for (const asset of pledged) expect((await t.api.get(`/api/assets/${asset.id}/valuations`, token)).body.items[0].valueFen).toBeGreaterThan(0);
    const alerts = (await t.api.get('/api/alerts', token)).body.items;
    expect(alerts.map((a: { loanId: string; status: string }) => [a.loanId, a.status])).toEqual([['DEMO-LOAN-HAMI-CCER', 'open']]);
    const stress = (await t.api.get('/api/portfolio/stress', token)).body;
    expect(stress.baseline.pledges).toHaveLength(3);
  });
});
