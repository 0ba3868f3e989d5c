import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { startTestPlatform, type TestPlatform } from '../../../test-support/test-platform.js';

let t: TestPlatform;
let admin: string;

beforeAll(async () => {
  t = await startTestPlatform({ seedDemo: true, jobs: true });
  admin = await t.api.login('admin');
});
afterAll(() => t.close());

async function runToCompletion(name: string): Promise<{ status: string; progress: number; lastError: string | null }> {
  const before = (await t.api.get('/api/jobs', admin)).body.items.find((j: { name: string }) => j.name === name).lastFinishedAt;
  expect((await t.api.post(`/api/jobs/${name}/run`, undefined, admin)).status).toBe(202);
  for (let i = 0; i < 200; i++) {
    const job = (await t.api.get('/api/jobs', admin)).body.items.find((j: { name: string }) => j.name === name);
    if (job.lastFinishedAt && job.lastFinishedAt !== before && job.status !== 'running') return job;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${name} did not finish`);
}

describe('the revaluation jobs on Agenda', () => {
  test('are scheduled: carbon daily, the others yearly, price moves every 15 minutes', async () => {
    const names = (await t.api.get('/api/jobs', admin)).body.items.map((j: { name: string }) => j.name);
    expect(names).toEqual(expect.arrayContaining(['revaluation.carbon-daily', 'revaluation.yearly', 'revaluation.price-moves']));
  });

  test('the daily carbon run finishes at 100 % and, run again the same day, adds no valuation and no alert', async () => {
    const bank = await t.api.login('bank.officer');
    const ccer = (await t.api.get('/api/assets?assetType=carbon&encumbrance=pledged', bank)).body.items[0];
    const valuationsBefore = (await t.api.get(`/api/assets/${ccer.id}/valuations`, bank)).body.items.length;
    const first = await runToCompletion('revaluation.carbon-daily');
    const again = await runToCompletion('revaluation.carbon-daily');
    expect([first.progress, first.lastError, again.progress, again.lastError]).toEqual([100, null, 100, null]);
    expect((await t.api.get(`/api/assets/${ccer.id}/valuations`, bank)).body.items).toHaveLength(valuationsBefore);
    expect((await t.api.get('/api/alerts', bank)).body.total).toBe(1);
  });

  test('the yearly run revalues the pledged water right and walnut forest once', async () => {
    const bank = await t.api.login('bank.officer');
    const job = await runToCompletion('revaluation.yearly');
    expect([job.progress, job.lastError]).toEqual([100, null]);
    const water = (await t.api.get('/api/assets?assetType=water_right&encumbrance=pledged', bank)).body.items[0];
    const purposes = (await t.api.get(`/api/assets/${water.id}/valuations`, bank)).body.items.map((v: { purpose: string }) => v.purpose);
    expect(purposes).toEqual(['revaluation', 'lending']);
  });
});
