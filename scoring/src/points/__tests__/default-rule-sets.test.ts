import { readFileSync } from 'node:fs';
import { computePoints } from '../compute-points.js';
import { validateRuleSet } from '../validate-rule-set.js';
import { event, proof } from './fixtures.js';

const load = (name: string) => validateRuleSet(JSON.parse(readFileSync(new URL(`../../../rule-sets/${name}.json`, import.meta.url), 'utf8')));
const asOf = '2026-03-10';

describe('the default rule sets', () => {
  it('grade a well-run enterprise blue on the national 100-point scale', () => {
    const values: [string, number | boolean | { current: number; previous: number }][] = [
      ['discharge_compliance', 99], ['administrative_penalties', 0], ['solid_waste', 95], ['hazardous_waste', 100], ['noise', true],
      ['eia_and_permit', true], ['ecological_restoration', 80], ['environmental_risk_management', 9], ['information_disclosure', true],
      ['management_system', false], ['public_complaints', 0], ['rectification', 100], ['carbon_intensity', 2.0], ['regional_contribution', 1],
      ['carbon_decline', { current: 2.0, previous: 2.1 }],
    ];
    const indicators = values.map(([indicatorId, value]) => ({ indicatorId, value, evidence: proof }));
    const result = computePoints({ id: 'firm', type: 'enterprise', industry: 'C30' }, { indicators }, load('enterprise'), asOf);
    expect(result.lines.map((l) => (l.kind === 'indicator' ? l.scoreCentipoints : null))).toEqual([9000, 10000, 7500, 10000, 10000, 10000, 8000, 9000, 10000, 4000, 10000, 10000, 10000, 6000, 8000]);
    expect([result.totalCentipoints, result.grade, result.coverage.shareBp]).toEqual([9085, 'blue', 10000]);
    expect(result.benefits).toEqual({ grade: 'blue', loanRateDiscountBp: 30, creditLimitUpliftPct: 15, guaranteeFeeDiscountBp: 15, priorityReview: false, redemptionValueFen: 0 });
  });

  it('send an enterprise operating without an EIA to red at once', () => {
    const result = computePoints({ id: 'firm', type: 'enterprise' }, { indicators: [{ indicatorId: 'noise', value: true, evidence: proof }], events: [event('x', 'operating_without_eia', '2026-02-01', 1, { evidence: proof })] }, load('enterprise'), asOf);
    expect([result.baseGrade, result.grade, result.vetoesApplied[0]?.until]).toEqual(['green', 'red', '2027-01-31']);
  });

  it('redeem village points at 1 yuan a point', () => {
    const events = [
      event('a', 'upkeep_inspection_passed', '2026-03-01', 1, { evidence: proof }),
      event('b', 'household_garbage_sorting', '2026-03-05', 120),
      event('c', 'restoration_mu', '2026-03-06', 10, { evidence: proof }),
      event('d', 'illegal_discharge', '2026-03-07', 1, { evidence: proof }),
    ];
    const result = computePoints({ id: 'village', type: 'village' }, { events }, load('village'), asOf);
    expect([result.totalCentipoints, result.grade, result.benefits?.redemptionValueFen]).toEqual([17700, 'yellow', 17700]);
  });

  it('cap an individual’s walking at 296 points a day and let it expire after 3 days', () => {
    const events = [event('a', 'walking_steps', '2026-03-06', 20000), event('b', 'walking_steps', '2026-03-09', 20000), event('c', 'bus_ride', '2026-03-09', 2)];
    const result = computePoints({ id: 'p', type: 'individual' }, { events }, load('individual'), asOf);
    expect(result.lines.map((l) => (l.kind === 'event' ? [l.eventId, l.centipoints, l.reason] : null))).toEqual([['a', 0, 'expired'], ['b', 29600, 'capped'], ['c', 240, 'counted']]);
    expect([result.totalCentipoints, result.grade, result.benefits?.redemptionValueFen]).toEqual([29840, 'yellow', 2984]);
  });

  it('reward a social organisation’s volunteer hours and disclosure', () => {
    const events = [event('a', 'volunteer_hour', '2026-02-01', 300, { evidence: proof }), event('b', 'annual_report_published', '2026-01-15', 1, { evidence: proof })];
    const result = computePoints({ id: 'org', type: 'social_organisation' }, { events }, load('social_organisation'), asOf);
    expect([result.totalCentipoints, result.grade, result.breakdown]).toEqual([35000, 'yellow', [{ category: 'governance', centipoints: 5000 }, { category: 'public_welfare', centipoints: 30000 }, { category: 'violations', centipoints: 0 }]]);
  });
});
