import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import type { Asset } from '../../db/assets/asset.types.js';
import { startTestPlatform, type TestPlatform } from '../../../test-support/test-platform.js';
import { certificateNumberOf } from '../../domain/assets/asset-identity.js';
import { demoAssets } from '../assets-demo.js';
import { demoPriceSeries } from '../prices-demo.js';

let t: TestPlatform;

beforeAll(async () => {
  t = await startTestPlatform({ seedDemo: true, start: new Date('2026-11-29T08:00:00Z') });
});
afterAll(() => t.close());

/** The demo's own assets among a list (other areas' demos add assets of their own). */
const demoNumbers = new Set(demoAssets.map((d) => certificateNumberOf[d.registration.assetType](d.registration.details)));
const ofThisDemo = (items: Asset[]): Asset[] => items.filter((a) => demoNumbers.has(a.certificateNumber));
const listAs = async (user: string, query = ''): Promise<Asset[]> => ofThisDemo((await t.api.get(`/api/assets?limit=200${query}`, await t.api.login(user))).body.items);

describe('the demo assets and prices', () => {
  test('every demo price series covers the year to today (carbon on weekdays, the others monthly)', async () => {
    const { items } = (await t.api.get('/api/prices/references', await t.api.login('admin'))).body;
    expect(items.map((r: { reference: string }) => r.reference)).toEqual(expect.arrayContaining(demoPriceSeries.map((s) => s.reference)));
    const cea = (await t.api.get(`/api/prices?reference=${encodeURIComponent('carbon:CEA')}`, await t.api.login('admin'))).body.items;
    expect([cea[0].date, cea.at(-1).date, cea.length]).toEqual(['2025-12-01', '2026-11-27', 260]);
  });

  test('the owners see their assets in the stage the demo takes them to', async () => {
    const stages = async (user: string) => (await listAs(user)).map((a) => `${a.state}/${a.encumbrance.status}`).sort();
    expect(await stages('walnut.coop')).toEqual(['verified/free', 'verified/pledged']);
    expect(await stages('citizen')).toEqual(['draft/free']);
    expect((await listAs('verifier', '&state=submitted')).map((a) => a.name)).toEqual(['尉犁县塔里木河胡杨林林权']);
    expect(await listAs('admin')).toHaveLength(demoAssets.length);
  });

  test('塔里木农村商业银行 holds three of them pledged, each with a lending valuation; the Hami CCER loan is over its LTV', async () => {
    const token = await t.api.login('bank.officer');
    const pledged = await listAs('bank.officer');
    expect(pledged.map((a) => a.assetType).sort()).toEqual(['carbon', 'forest_right', 'water_right']);
    for (const asset of pledged) expect((await t.api.get(`/api/assets/${asset.id}/valuations`, token)).body.items.at(-1).purpose).toBe('lending');
    const alerts = (await t.api.get('/api/alerts', token)).body.items;
    expect(alerts.filter((a: { loanId: string }) => a.loanId.startsWith('DEMO-LOAN-')).map((a: { loanId: string; status: string }) => [a.loanId, a.status])).toEqual([['DEMO-LOAN-HAMI-CCER', 'open']]);
  });

  test('every demo asset can be valued from the demo prices, with a positive value', async () => {
    const values: number[] = [];
    for (const asset of await listAs('admin')) {
      const { valuation } = await t.platform.services.valuations.value(asset, {
        purpose: 'preliminary', institutionId: null, requestedBy: { userId: 'test', username: 'test' }, idempotencyKey: `test:${asset.id}`, valuationDate: '2026-11-29',
      });
      values.push(valuation.valueFen);
    }
    expect(values).toHaveLength(demoAssets.length);
    expect(values.filter((v) => v <= 0)).toEqual([]);
  });
});
