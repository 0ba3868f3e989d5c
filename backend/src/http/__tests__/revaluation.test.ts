import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { startTestPlatform, type TestPlatform } from '../../../test-support/test-platform.js';
import { carbonHolding, ebinurBankCode, institutionIdOf, recordPrice, verifiedAsset } from './assets-fixtures.js';

let t: TestPlatform;
/** The test clock moves days ahead, past access-token expiry: log in afresh for each call. */
const as = (username: string): Promise<string> => t.api.login(username);
let ebinurBank: string;

beforeAll(async () => {
  t = await startTestPlatform({ seedDemo: true, start: new Date('2026-11-29T08:00:00Z') });
  ebinurBank = await institutionIdOf(t, ebinurBankCode);
  // A market with only this test's CEA prices (the demo seeds a year of them).
  await t.platform.connection.db!.collection('prices').deleteMany({ reference: 'carbon:CEA' });
  await recordPrice(t, await as('admin'), 'carbon:CEA', '2026-11-27', 6_000, 'yuan/tCO2e');
  await recordPrice(t, await as('admin'), 'carbon:CEA', '2026-11-28', 6_000, 'yuan/tCO2e');
});
afterAll(() => t.close());

const day = 24 * 3600 * 1000;

/** A verified CEA holding of 100 000 t pledged for a loan; returns its id. */
async function pledgedCarbon(account: string, outstandingFen: number): Promise<string> {
  const id = await verifiedAsset(t, await as('enterprise'), await as('verifier'), carbonHolding(account), `碳排放配额登记 ${account}`);
  await t.platform.services.assetEncumbrance.pledge(id, `loan-${account}`, ebinurBank, outstandingFen);
  return id;
}

describe('daily carbon revaluation and LTV alerts', () => {
  let breached: string;
  let healthy: string;

  test('100 000 t CEA at ¥60 is valued at ¥6,000,000; a ¥3,400,000 loan (LTV 56.7 %) is below the 60 % threshold', async () => {
    breached = await pledgedCarbon('CEA-650000-0001', 3_400_000_00);
    healthy = await pledgedCarbon('CEA-650000-0002', 1_000_000_00);
    const summary = await t.platform.services.revaluation.carbonDaily();
    // Revalued: these two and the demo's CCER holding pledged to another bank.
    expect(summary).toEqual({ runKey: 'carbon-daily:2026-11-29', revalued: 3, alertsRaised: 0, failures: [] });
    const history = await t.api.get(`/api/assets/${breached}/valuations`, await as('ebinur.officer'));
    expect(history.body.items.map((v: { purpose: string; valueFen: number }) => [v.purpose, v.valueFen])).toEqual([['revaluation', 6_000_000_00]]);
  });

  test('after the price falls to ¥50 the ¥3,400,000 loan (LTV 68 %) raises exactly one alert, even when the job runs again', async () => {
    t.clock.advance(day);
    await recordPrice(t, await as('admin'), 'carbon:CEA', '2026-11-30', 5_000, 'yuan/tCO2e');
    const first = await t.platform.services.revaluation.carbonDaily();
    const rerun = await t.platform.services.revaluation.carbonDaily();
    expect([first.alertsRaised, rerun.alertsRaised]).toEqual([1, 0]);
    const alerts = await t.api.get('/api/alerts', await as('ebinur.officer'));
    expect(alerts.body.total).toBe(1);
    expect(alerts.body.items[0]).toMatchObject({ assetId: breached, loanId: 'loan-CEA-650000-0001', status: 'open', outstandingFen: 3_400_000_00, ltvThreshold: 0.6 });
    expect(await t.platform.repositories.alerts.countForAsset(healthy)).toBe(0);
    expect((await t.api.get(`/api/assets/${breached}/valuations`, await as('ebinur.officer'))).body.items).toHaveLength(2);
  });

  test('the next day the breach continues: still one alert; other banks see none; subscribers heard of it once', async () => {
    const heard: string[] = [];
    t.platform.services.alerts.subscribe((alert) => void heard.push(alert.assetId));
    t.clock.advance(day);
    await t.platform.services.revaluation.carbonDaily();
    expect((await t.api.get('/api/alerts', await as('ebinur.officer'))).body.total).toBe(1);
    expect((await t.api.get('/api/alerts', await as('bosten.officer'))).body.total).toBe(0);
    expect(heard).toEqual([]);
  });

  test('the bank acknowledges; once the loan is paid down below the threshold the breach resolves and a new breach alerts again', async () => {
    const alertId = (await t.api.get('/api/alerts', await as('ebinur.officer'))).body.items[0].id;
    expect((await t.api.post(`/api/alerts/${alertId}/acknowledge`, undefined, await as('bosten.officer'))).status).toBe(404);
    expect((await t.api.post(`/api/alerts/${alertId}/acknowledge`, undefined, await as('ebinur.officer'))).body.status).toBe('acknowledged');
    await t.platform.services.assetEncumbrance.updateLoanExposure(breached, 'loan-CEA-650000-0001', 2_000_000_00);
    t.clock.advance(day);
    await t.platform.services.revaluation.carbonDaily();
    expect((await t.api.get('/api/alerts?status=resolved', await as('ebinur.officer'))).body.total).toBe(1);
    await t.platform.services.assetEncumbrance.updateLoanExposure(breached, 'loan-CEA-650000-0001', 3_400_000_00);
    t.clock.advance(day);
    const again = await t.platform.services.revaluation.carbonDaily();
    expect(again.alertsRaised).toBe(1);
    expect((await t.api.get('/api/alerts?status=open', await as('ebinur.officer'))).body.total).toBe(1);
  });
});

describe('price-move revaluation', () => {
  test('a move above the configured threshold revalues the pledged assets priced by it; a small move does not', async () => {
    t.clock.advance(day);
    const date = t.clock.now().toISOString().slice(0, 10);
    await recordPrice(t, await as('admin'), 'carbon:CEA', date, 5_200, 'yuan/tCO2e');
    expect((await t.platform.services.revaluation.priceMoves()).revalued).toBe(0);
    t.clock.advance(day);
    await recordPrice(t, await as('admin'), 'carbon:CEA', t.clock.now().toISOString().slice(0, 10), 6_500, 'yuan/tCO2e');
    expect((await t.platform.services.revaluation.priceMoves())).toMatchObject({ revalued: 2, failures: [] });
    expect((await t.platform.services.revaluation.priceMoves()).revalued).toBe(0);
  });
});

describe('the bank’s portfolio stress test', () => {
  test('its pledged carbon under the built-in scenarios; a 40 % carbon price fall (on the lower of spot and the 20-day average, ¥57.40) breaches the larger loan only', async () => {
    const res = await t.api.get('/api/portfolio/stress', await as('ebinur.officer'));
    expect(res.status).toBe(200);
    expect(res.body.scenarios.map((s: { id: string }) => s.id)).toEqual(['drought', 'carbon_price_fall', 'forest_fire', 'permit_not_renewed']);
    expect(res.body.assets).toHaveLength(2);
    const fall = res.body.scenarios.find((s: { id: string }) => s.id === 'carbon_price_fall');
    expect(fall.pledges.map((p: { valueFen: number; breach: boolean }) => [p.valueFen, p.breach])).toEqual([[3_444_000_00, true], [3_444_000_00, false]]);
    const ours = res.body.assets.map((a: { id: string }) => a.id);
    const otherBank = (await t.api.get('/api/portfolio/stress', await as('bosten.officer'))).body.assets.map((a: { id: string }) => a.id);
    expect(otherBank.filter((id: string) => ours.includes(id))).toEqual([]);
    const pdf = await fetch(`${t.baseUrl}/api/portfolio/stress/report.pdf`, { headers: { Authorization: `Bearer ${await as('ebinur.officer')}` } });
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
  });
});

describe('the revaluation jobs', () => {
  test('are registered with Agenda and report progress', async () => {
    const names = t.platform.services.jobs.health();
    expect(names.definitions).toBeGreaterThanOrEqual(5);
    const progress: number[] = [];
    await t.platform.services.revaluation.carbonDaily(async (p) => void progress.push(p));
    expect(progress).toEqual([33, 66, 100]);
  });
});
