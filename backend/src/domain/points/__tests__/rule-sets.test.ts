import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { startTestPlatform, type TestPlatform } from '../../../../test-support/test-platform.js';
import { busRide, loginAll, partnerWithKey, sendEvents, start, type Kit } from './points-test-kit.js';

let t: TestPlatform;
let kit: Kit;
const individual = JSON.parse(readFileSync(createRequire(import.meta.url).resolve('@eco/scoring/rule-sets/individual.json'), 'utf8'));

/** Version 1.1.0: a bus ride earns 3 points instead of 1.20. */
const richerBusRides = () => ({
  ...individual, version: '1.1.0', effectiveFrom: '2027-01-01',
  rules: individual.rules.map((r: { id: string }) => (r.id === 'bus_ride' ? { ...r, centipointsPerUnit: 300, dailyCapCentipoints: 1200 } : r)),
});

beforeAll(async () => {
  t = await startTestPlatform({ seedDemo: true, start });
  kit = await loginAll(t, ['admin', 'citizen', 'verifier']);
  const partner = await partnerWithKey(t, kit.tokens['admin']!, 'Kashgar Buses', ['bus_ride']);
  const rides = Array.from({ length: 200 }, (_, i) => busRide(`rs-${i}`, kit.subjects['Ayigul Mamat']!, new Date(Date.UTC(2026, 4, 1) + i * 86_400_000).toISOString()));
  await sendEvents(t, partner.key, 'rule-sets-0001', rides);
}, 120_000);
afterAll(() => t.close());

describe('rule-set lifecycle: upload → simulate → schedule', () => {
  let id: string;

  test('the default rule sets are the scheduled versions (enterprise 1.1.0 from 2027-01-01 adds certified production)', async () => {
    const res = await t.api.get('/api/points/rule-sets', kit.tokens['admin']);
    expect(res.body.items.map((v: { ruleSetId: string; version: string; state: string }) => [v.ruleSetId, v.version, v.state])).toEqual([
      ['enterprise-default', '1.1.0', 'scheduled'],
      ['enterprise-default', '1.0.0', 'scheduled'],
      ['individual-default', '1.0.0', 'scheduled'],
      ['social-organisation-default', '1.0.0', 'scheduled'],
      ['village-default', '1.0.0', 'scheduled'],
    ]);
  });

  test('an invalid version is refused with the path of the first error', async () => {
    const broken = richerBusRides();
    broken.rules[0].dailyCapCentipoints = -5;
    const res = await t.api.post('/api/points/rule-sets', { definition: broken }, kit.tokens['admin']);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'POINTS_RULE_SET_INVALID', field: 'definition.rules.0.dailyCapCentipoints', details: { path: '/rules/0/dailyCapCentipoints' } });
  });

  test('a verifier may not manage rule sets', async () => {
    expect((await t.api.post('/api/points/rule-sets', { definition: richerBusRides() }, kit.tokens['verifier'])).status).toBe(403);
  });

  test('a valid version is stored as validated', async () => {
    const res = await t.api.post('/api/points/rule-sets', { definition: richerBusRides() }, kit.tokens['admin']);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ ruleSetId: 'individual-default', version: '1.1.0', state: 'validated', inForceNow: false });
    id = res.body.id;
  });

  test('the same id and version cannot be uploaded twice', async () => {
    expect((await t.api.post('/api/points/rule-sets', { definition: richerBusRides() }, kit.tokens['admin'])).body.error.code).toBe('POINTS_RULE_SET_EXISTS');
  });

  test('it cannot be scheduled before a simulation', async () => {
    const res = await t.api.post(`/api/points/rule-sets/${id}/schedule`, { activateOn: '2027-01-01' }, kit.tokens['admin']);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('POINTS_INVALID_TRANSITION');
  });

  test('simulation on the present population: the citizen with 200 rides (240 points → 600 points) moves from yellow to light green', async () => {
    const res = await t.api.post(`/api/points/rule-sets/${id}/simulate`, {}, kit.tokens['admin']);
    expect(res.status).toBe(200);
    expect(res.body.state).toBe('simulated');
    const sim = res.body.simulation.result;
    expect(sim).toMatchObject({ subjects: 3, gradeChanged: 1, gradeImproved: 1, gradeWorsened: 0, oldRuleSet: { version: '1.0.0' }, newRuleSet: { version: '1.1.0' } });
    const moves = Object.entries(sim.migration as Record<string, Record<string, number>>)
      .flatMap(([from, to]) => Object.entries(to).filter(([, n]) => n > 0).map(([grade, n]) => [from, grade, n]));
    expect(moves).toEqual([['yellow', 'light_green', 1], ['yellow', 'yellow', 2]]);
  });

  test('the activation date must lie in the future', async () => {
    const res = await t.api.post(`/api/points/rule-sets/${id}/schedule`, { activateOn: '2026-11-20' }, kit.tokens['admin']);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'POINTS_ACTIVATION_NOT_IN_FUTURE', field: 'activateOn' });
  });

  test('scheduled for 2027-01-01: not in force today, in force on that date, the old version replays as before', async () => {
    const res = await t.api.post(`/api/points/rule-sets/${id}/schedule`, { activateOn: '2027-01-01' }, kit.tokens['admin']);
    expect(res.body).toMatchObject({ state: 'scheduled', effectiveFrom: '2027-01-01', inForceNow: false });
    const today = await t.api.get(`/api/points/subjects/${kit.subjects['Ayigul Mamat']}/replay?asOf=2026-11-20`, kit.tokens['citizen']);
    expect(today.body.ruleSet).toEqual({ id: 'individual-default', version: '1.0.0' });
    const later = await t.api.get(`/api/points/subjects/${kit.subjects['Ayigul Mamat']}/replay?asOf=2027-01-02`, kit.tokens['citizen']);
    expect(later.body.ruleSet).toEqual({ id: 'individual-default', version: '1.1.0' });
  });

  test('a scheduled version not yet in force can be withdrawn; old versions stay listed', async () => {
    const res = await t.api.post(`/api/points/rule-sets/${id}/withdraw`, {}, kit.tokens['admin']);
    expect(res.body.state).toBe('withdrawn');
    expect((await t.api.get('/api/points/rule-sets?subjectType=individual', kit.tokens['admin'])).body.total).toBe(2);
  });

  test('a version in force cannot be withdrawn', async () => {
    const list = await t.api.get('/api/points/rule-sets?subjectType=individual', kit.tokens['admin']);
    const inForce = list.body.items.find((v: { version: string }) => v.version === '1.0.0');
    expect((await t.api.post(`/api/points/rule-sets/${inForce.id}/withdraw`, {}, kit.tokens['admin'])).status).toBe(409);
  });
});
