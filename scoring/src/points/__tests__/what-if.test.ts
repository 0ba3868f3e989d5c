import { computePoints } from '../compute-points.js';
import type { AccumulatingRuleSet, PointsEvent, Subject, WeightedRuleSet } from '../types.js';
import { whatIf } from '../what-if.js';
import { accumulating, event, proof, weighted } from './fixtures.js';

const person: Subject = { id: 'person-1', type: 'individual' };
const firm: Subject = { id: 'firm-1', type: 'enterprise' };
const asOf = '2026-03-10';
const fourPoints = event('s', 'garbage_sorting', '2026-03-01', 4);

/** The fixture with garbage sorting capped at 2 points a day, so every rule is capped. */
const allCapped: AccumulatingRuleSet = { ...accumulating, version: '2.1.1', rules: accumulating.rules.map((rule) => (rule.id === 'sort' ? { ...rule, dailyCapCentipoints: 200 } : rule)) };

function plan(events: PointsEvent[], target: string, ruleSet: AccumulatingRuleSet = accumulating) {
  return whatIf(computePoints(person, { events }, ruleSet, asOf), ruleSet, target);
}

describe('whatIf in accumulating mode', () => {
  it('needs no action when the grade already reaches the target', () => {
    expect(plan([fourPoints], 'low')).toEqual({ subjectId: 'person-1', ruleSet: { id: 'test-accumulating', version: '2.1.0' }, asOf, currentGrade: 'mid', targetGrade: 'low', reachable: true, actions: [], projectedTotalCentipoints: 400, projectedGrade: 'mid' });
  });

  it('picks one uncapped behaviour with the quantity that closes the gap', () => {
    expect(plan([fourPoints], 'top')).toMatchObject({
      reachable: true,
      actions: [{ kind: 'event', eventType: 'garbage_sorting', ruleId: 'sort', unit: 'act', quantity: 6, gainCentipoints: 600, evidenceRequired: false }],
      projectedTotalCentipoints: 1000,
      projectedGrade: 'top',
    });
  });

  it('combines behaviours within what is left of today’s and this month’s caps', () => {
    const fourPointsOverTwoDays = [event('s1', 'garbage_sorting', '2026-03-01', 2), event('s2', 'garbage_sorting', '2026-03-02', 2)];
    const result = plan([...fourPointsOverTwoDays, event('w', 'walking_steps', '2026-03-10', 30)], 'top', allCapped);
    expect(result.reachable && result.actions.map((a) => (a.kind === 'event' ? [a.ruleId, a.quantity, a.gainCentipoints] : null))).toEqual([['bus', 3, 300], ['sort', 2, 200], ['walk', 20, 40]]);
    expect(result).toMatchObject({ projectedTotalCentipoints: 1000, projectedGrade: 'top' });
  });

  it('never proposes a behaviour that would trigger a veto or a downgrade', () => {
    const tempting: AccumulatingRuleSet = { ...accumulating, rules: [...accumulating.rules, { id: 'crime_bonus', eventType: 'environmental_crime', category: 'waste', label: 'Bad', unit: 'act', centipointsPerUnit: 100000, evidenceRequired: false, source: 'test' }] };
    expect(plan([fourPoints], 'top', tempting)).toMatchObject({ reachable: true, actions: [{ ruleId: 'sort', quantity: 6 }] });
  });

  it('explains that the caps leave too little room today', () => {
    expect(plan([], 'top', allCapped)).toMatchObject({ reachable: false, reason: 'caps_reached', explanation: "today's remaining caps allow 600 more centipoints; 400 more are needed" });
  });

  it('explains that a veto in force blocks the target', () => {
    expect(plan([event('c', 'environmental_crime', '2026-03-01', 1, { evidence: proof })], 'low')).toMatchObject({ reachable: false, reason: 'veto_active', explanation: 'veto crime (event c) holds the grade at bottom or worse until 2029-02-27' });
  });

  it('plans around a veto whose forced grade already meets the target', () => {
    const result = plan([event('d', 'illegal_discharge', '2026-03-01', 1, { evidence: proof }), event('w', 'formal_warning', '2026-03-01')], 'low');
    expect(result).toMatchObject({ currentGrade: 'bottom', reachable: true, actions: [{ ruleId: 'sort', quantity: 3 }], projectedGrade: 'low' });
  });

  it('aims one grade higher for each downgrade in force', () => {
    expect(plan([event('i', 'incident', '2026-03-01')], 'mid')).toMatchObject({ currentGrade: 'bottom', reachable: true, actions: [{ ruleId: 'sort', quantity: 10 }], projectedTotalCentipoints: 1000, projectedGrade: 'mid' });
  });

  it('explains that downgrades in force put the target out of any total’s reach', () => {
    expect(plan([event('i', 'incident', '2026-03-01')], 'top')).toMatchObject({ reachable: false, reason: 'downgrade_active', explanation: 'downgrades in force lower any grade by 1 step(s), below top, until 2027-02-28' });
  });

  it.each([
    ['a grade the rule set does not have', () => plan([], 'platinum'), '/targetGrade'],
    ['a result from another rule-set version', () => whatIf(computePoints(person, {}, accumulating, asOf), allCapped, 'top'), '/ruleSet'],
  ])('refuses %s', (_name, run, path) => {
    expect(run).toThrow(expect.objectContaining({ path }));
  });
});

describe('whatIf in weighted-indicator mode', () => {
  const indicators = [
    { indicatorId: 'compliance', value: 97, evidence: proof },
    { indicatorId: 'restoration', value: 45 },
    { indicatorId: 'permit', value: true },
  ];
  const scored = computePoints(firm, { indicators }, weighted, asOf);

  it('improves the indicator with the most weighted headroom only as far as needed', () => {
    expect(whatIf(scored, weighted, 'mid')).toMatchObject({
      currentGrade: 'low',
      reachable: true,
      actions: [{ kind: 'indicator', indicatorId: 'restoration', measureKind: 'value', fromScoreCentipoints: 4500, toScoreCentipoints: 6665, requiredMeasure: { from: 66.65 } }],
      projectedTotalCentipoints: 8000,
      projectedGrade: 'mid',
    });
  });

  it('raises banded indicators to the band that suffices, with the measure that band needs', () => {
    const result = whatIf(scored, weighted, 'top');
    expect(result.reachable && result.actions).toEqual([
      { kind: 'indicator', indicatorId: 'restoration', measureKind: 'value', fromScoreCentipoints: 4500, toScoreCentipoints: 10000, requiredMeasure: { from: 100 } },
      { kind: 'indicator', indicatorId: 'compliance', measureKind: 'value', fromScoreCentipoints: 8000, toScoreCentipoints: 10000, requiredMeasure: { from: 100 } },
    ]);
    expect(result).toMatchObject({ projectedTotalCentipoints: 10000, projectedGrade: 'top' });
  });

  it('explains that even the best scores on the indicators with data fall short', () => {
    const lowCeiling: WeightedRuleSet = { ...weighted, version: '1.0.1', indicators: weighted.indicators.map((i) => (i.id === 'permit' ? { ...i, scoring: { method: 'yes_no', yesCentipoints: 9000, noCentipoints: 2000 } } : i)) };
    const result = whatIf(computePoints(firm, { indicators: [{ indicatorId: 'permit', value: false }] }, lowCeiling, asOf), lowCeiling, 'top');
    expect(result).toMatchObject({ reachable: false, reason: 'indicators_at_maximum', explanation: 'best scores on every indicator with data give 9000 centipoints, below the 9500 needed; 2 indicators have no data' });
  });

  it('asks for data when no indicator has any', () => {
    expect(whatIf(computePoints(firm, {}, weighted, asOf), weighted, 'low')).toMatchObject({ currentGrade: null, reachable: false, reason: 'no_data' });
  });
});
