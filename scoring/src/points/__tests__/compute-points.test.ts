import { computePoints } from '../compute-points.js';
import { PointsInputError } from '../points-input-error.js';
import type { EventLine, PointsEvent, Subject } from '../types.js';
import { accumulating, carbon, event, proof, weighted } from './fixtures.js';

const person: Subject = { id: 'person-1', type: 'individual' };
const firm: Subject = { id: 'firm-1', type: 'enterprise', industry: 'C30' };
const asOf = '2026-03-10';

function score(events: PointsEvent[]) {
  return computePoints(person, { events }, accumulating, asOf);
}

function outcome(line: EventLine) {
  return [line.eventId, line.centipoints, line.reason];
}

describe('computePoints in accumulating mode', () => {
  it.each([
    ['counts points per unit', [event('a', 'garbage_sorting', '2026-03-01', 3)], 300, [['a', 300, 'counted']]],
    ['caps a rule at its daily cap', [event('a', 'walking_steps', '2026-03-09', 30), event('b', 'walking_steps', '2026-03-09', 30)], 100, [['a', 60, 'counted'], ['b', 40, 'capped']]],
    ['starts a fresh daily cap each day', [event('a', 'walking_steps', '2026-03-08', 80), event('b', 'walking_steps', '2026-03-09', 80)], 200, [['a', 100, 'capped'], ['b', 100, 'capped']]],
    ['caps a rule at its monthly cap', [event('a', 'bus_ride', '2026-03-01', 2), event('b', 'bus_ride', '2026-03-05'), event('c', 'bus_ride', '2026-03-06')], 300, [['a', 240, 'counted'], ['b', 60, 'capped'], ['c', 0, 'capped']]],
    ['starts a fresh monthly cap each calendar month', [event('a', 'bus_ride', '2026-02-27', 3), event('b', 'bus_ride', '2026-03-01')], 420, [['a', 300, 'capped'], ['b', 120, 'counted']]],
    ['lets points expire after the rule’s days', [event('a', 'walking_steps', '2026-03-07', 50), event('b', 'walking_steps', '2026-03-08', 50)], 100, [['a', 0, 'expired'], ['b', 100, 'counted']]],
    ['subtracts points for the negative list', [event('a', 'garbage_sorting', '2026-03-01', 5), event('b', 'illegal_discharge', '2026-03-02', 1, { evidence: proof })], 200, [['a', 500, 'counted'], ['b', -300, 'counted']]],
    ['ignores an event whose rule needs evidence it lacks', [event('a', 'illegal_discharge', '2026-03-02')], 0, [['a', 0, 'missing_evidence']]],
    ['counts a behaviour reported twice under one dedup key once', [event('b', 'garbage_sorting', '2026-03-01', 1, { dedupKey: 'k' }), event('a', 'garbage_sorting', '2026-03-01', 1, { dedupKey: 'k' })], 100, [['a', 100, 'counted'], ['b', 0, 'duplicate']]],
    ['ignores events after the as-of date', [event('a', 'garbage_sorting', '2026-03-11')], 0, [['a', 0, 'after_as_of']]],
    ['ignores event types no rule knows', [event('a', 'tree_hugging', '2026-03-01')], 0, [['a', 0, 'no_rule']]],
  ])('%s', (_name, events, total, lines) => {
    const result = score(events);
    expect(result.totalCentipoints).toBe(total);
    expect((result.lines as EventLine[]).map(outcome)).toEqual(lines);
  });

  it('explains every event with its rule, quantity and raw points', () => {
    expect(score([event('a', 'walking_steps', '2026-03-09', 70)]).lines).toEqual([
      { kind: 'event', eventId: 'a', eventType: 'walking_steps', occurredOn: '2026-03-09', ruleId: 'walk', quantity: 70, rawCentipoints: 140, centipoints: 100, reason: 'capped' },
    ]);
  });

  it('traces each point to the evidence that supports it', () => {
    expect(score([event('d', 'illegal_discharge', '2026-03-02', 1, { evidence: proof })]).lines[0]).toMatchObject({ ruleId: 'discharge', centipoints: -300, evidence: { source: 'enforcement-registry', documentId: 'doc-1' } });
    expect(computePoints(firm, { indicators: [{ indicatorId: 'compliance', value: 100, evidence: proof }] }, weighted, asOf).lines[0]).toMatchObject({ indicatorId: 'compliance', scoreCentipoints: 10000, evidence: proof });
  });

  it('totals points by category, listing every category of the rule set', () => {
    const result = score([event('a', 'garbage_sorting', '2026-03-01', 2), event('b', 'bus_ride', '2026-03-01'), event('c', 'illegal_discharge', '2026-03-01', 1, { evidence: proof })]);
    expect(result.breakdown).toEqual([
      { category: 'travel', centipoints: 120 },
      { category: 'violations', centipoints: -300 },
      { category: 'waste', centipoints: 200 },
    ]);
  });

  it('reports coverage as the share of categories with any data', () => {
    expect(score([event('a', 'garbage_sorting', '2026-03-01')]).coverage).toEqual({ withData: 1, total: 3, shareBp: 3333 });
  });

  it('names the rule set id and version that produced the result', () => {
    expect(score([]).ruleSet).toEqual({ id: 'test-accumulating', version: '2.1.0' });
  });
});

describe('computePoints grades, vetoes, downgrades and benefits', () => {
  const twelvePoints = event('s', 'garbage_sorting', '2026-03-01', 12);

  it.each([
    ['exactly at the top cut-off', [event('s', 'garbage_sorting', '2026-03-01', 10)], 1000, 'top'],
    ['just below the top cut-off', [event('s', 'garbage_sorting', '2026-03-01', 9), event('w', 'walking_steps', '2026-03-10', 49)], 998, 'mid'],
    ['of zero', [], 0, 'low'],
    ['below zero', [event('d', 'illegal_discharge', '2026-03-01', 1, { evidence: proof })], -300, 'bottom'],
  ])('grades a total %s by the cut-offs', (_name, events, total, grade) => {
    const result = score(events);
    expect([result.totalCentipoints, result.baseGrade, result.grade]).toEqual([total, grade, grade]);
  });

  it('forces the vetoed grade whatever the points', () => {
    const result = score([twelvePoints, event('c', 'environmental_crime', '2025-01-01', 1, { evidence: proof })]);
    expect([result.baseGrade, result.grade, result.totalCentipoints]).toEqual(['top', 'bottom', 1200]);
    expect(result.vetoesApplied).toEqual([{ vetoId: 'crime', eventId: 'c', forceGrade: 'bottom', from: '2025-01-01', until: '2027-12-31' }]);
    expect((result.lines as EventLine[]).find((l) => l.eventId === 'c')).toMatchObject({ reason: 'vetoed', vetoId: 'crime', centipoints: 0 });
  });

  it.each([
    ['lacks the evidence the veto requires', event('c', 'environmental_crime', '2026-03-01'), 'missing_evidence'],
    ['is older than the veto lasts', event('c', 'formal_warning', '2026-01-01'), 'expired'],
  ])('applies no veto when the event %s', (_name, trigger, reason) => {
    const result = score([twelvePoints, trigger]);
    expect([result.grade, result.vetoesApplied, (result.lines as EventLine[]).find((l) => l.eventId === 'c')?.reason]).toEqual(['top', [], reason]);
  });

  it('takes the worst grade among several vetoes in force', () => {
    const result = score([twelvePoints, event('w', 'formal_warning', '2026-03-01'), event('c', 'environmental_crime', '2026-03-02', 1, { evidence: proof })]);
    expect([result.grade, result.vetoesApplied.map((v) => v.vetoId)]).toEqual(['bottom', ['warning', 'crime']]);
  });

  it('never lets a veto improve a grade the points already make worse', () => {
    const result = score([event('d', 'illegal_discharge', '2026-03-01', 1, { evidence: proof }), event('w', 'formal_warning', '2026-03-01')]);
    expect([result.baseGrade, result.grade]).toEqual(['bottom', 'bottom']);
  });

  it('moves the grade one step down per downgrade in force, never past the worst grade', () => {
    const once = score([twelvePoints, event('i', 'incident', '2026-03-01')]);
    const thrice = score([twelvePoints, event('i', 'incident', '2026-03-01'), event('j', 'incident', '2026-03-02'), event('k', 'incident', '2026-03-03'), event('l', 'incident', '2026-03-04')]);
    expect([once.baseGrade, once.grade, thrice.grade]).toEqual(['top', 'mid', 'bottom']);
    expect(once.downgradesApplied).toEqual([{ downgradeId: 'incident', eventId: 'i', steps: 1, from: '2026-03-01', until: '2027-02-28' }]);
  });

  it('ends a downgrade after its duration', () => {
    expect(score([twelvePoints, event('i', 'incident', '2025-03-10')]).grade).toBe('top');
    expect(score([twelvePoints, event('i', 'incident', '2025-03-11')]).grade).toBe('mid');
  });

  it('grants the benefits of the final grade, with the redemption value of the points in fen', () => {
    expect(score([event('s', 'garbage_sorting', '2026-03-01', 3), event('w', 'walking_steps', '2026-03-10', 25)]).benefits).toEqual({
      grade: 'mid', loanRateDiscountBp: 20, creditLimitUpliftPct: 20, guaranteeFeeDiscountBp: 10, priorityReview: false, redemptionValueFen: 35,
    });
    expect(score([twelvePoints, event('i', 'incident', '2026-03-01')]).benefits?.redemptionValueFen).toBe(120);
  });
});

describe('computePoints in weighted-indicator mode', () => {
  const all = [
    { indicatorId: 'compliance', value: 97, evidence: proof },
    { indicatorId: 'restoration', value: 45 },
    { indicatorId: 'permit', value: true },
  ];

  it('takes the weight-weighted mean of the indicator scores', () => {
    const result = computePoints(firm, { indicators: all }, weighted, asOf);
    expect([result.totalCentipoints, result.grade, result.coverage]).toEqual([7350, 'low', { withData: 3, total: 3, shareBp: 10000 }]);
    expect(result.breakdown).toEqual([{ category: 'ecology', centipoints: 1350 }, { category: 'management', centipoints: 2000 }, { category: 'pollution', centipoints: 4000 }]);
  });

  it.each([
    ['compliance', 100, 10000],
    ['compliance', 99.99, 8000],
    ['compliance', 95, 8000],
    ['compliance', 94.9, 5000],
    ['compliance', 80, 0],
    ['restoration', 120, 10000],
    ['restoration', -5, 0],
    ['restoration', 33.333, 3333],
    ['permit', true, 10000],
    ['permit', false, 2000],
  ])('scores %s = %p as %i centipoints', (indicatorId, value, expected) => {
    const result = computePoints(firm, { indicators: [{ indicatorId, value, evidence: proof }] }, weighted, asOf);
    expect([result.totalCentipoints, result.lines.find((l) => l.kind === 'indicator' && l.indicatorId === indicatorId)]).toMatchObject([expected, { scoreCentipoints: expected, reason: 'counted' }]);
  });

  it('leaves indicators without data out of the mean and lowers coverage instead', () => {
    const result = computePoints(firm, { indicators: [{ indicatorId: 'compliance', value: 100, evidence: proof }, { indicatorId: 'permit', value: false }] }, weighted, asOf);
    expect([result.totalCentipoints, result.coverage]).toEqual([7714, { withData: 2, total: 3, shareBp: 6666 }]);
    expect(result.lines.find((l) => l.kind === 'indicator' && l.indicatorId === 'restoration')).toEqual({ kind: 'indicator', indicatorId: 'restoration', category: 'ecology', weight: 30, measure: null, scoreCentipoints: null, reason: 'missing_data' });
  });

  it('treats a value without the evidence its indicator requires as missing', () => {
    const result = computePoints(firm, { indicators: [{ indicatorId: 'compliance', value: 100 }, { indicatorId: 'restoration', value: 50 }] }, weighted, asOf);
    expect([result.totalCentipoints, result.lines[0]]).toMatchObject([5000, { indicatorId: 'compliance', reason: 'missing_evidence' }]);
  });

  it('gives no grade without any data, unless a veto forces one', () => {
    const empty = computePoints(firm, {}, weighted, asOf);
    const vetoed = computePoints(firm, { events: [event('c', 'environmental_crime', '2026-03-01', 1, { evidence: proof })] }, weighted, asOf);
    expect([empty.totalCentipoints, empty.grade, empty.benefits, empty.coverage.shareBp]).toEqual([0, null, null, 0]);
    expect([vetoed.grade, vetoed.benefits?.loanRateDiscountBp]).toEqual(['bottom', -25]);
  });

  it('applies vetoes over points and downgrades from enforcement events', () => {
    const vetoed = computePoints(firm, { indicators: all, events: [event('c', 'environmental_crime', '2026-03-01', 1, { evidence: proof })] }, weighted, asOf);
    const downgraded = computePoints(firm, { indicators: all, events: [event('i', 'incident', '2026-03-01', 1, { evidence: proof })] }, weighted, asOf);
    expect([vetoed.baseGrade, vetoed.grade, downgraded.baseGrade, downgraded.grade]).toEqual(['low', 'bottom', 'low', 'bottom']);
    expect(downgraded.lines.at(-1)).toMatchObject({ kind: 'event', eventId: 'i', reason: 'downgraded', downgradeId: 'incident' });
  });

  it.each([
    ['below 80 % of the benchmark', 2.1, 10000],
    ['at exactly 80 % of the benchmark', 2.24, 8000],
    ['at the benchmark', 2.8, 5000],
    ['at 120 % of the benchmark', 3.36, 2000],
  ])('scores carbon intensity %s', (_name, intensity, expected) => {
    const result = computePoints(firm, { indicators: [{ indicatorId: 'intensity', value: intensity }] }, carbon, asOf);
    expect(result.totalCentipoints).toBe(expected);
  });

  it('scores the year-on-year decline and combines it with the benchmark ratio', () => {
    const result = computePoints(firm, { indicators: [{ indicatorId: 'intensity', value: 2.24 }, { indicatorId: 'decline', value: { current: 95, previous: 100 } }] }, carbon, asOf);
    expect(result.lines.map((l) => (l.kind === 'indicator' ? [l.measure, l.scoreCentipoints] : null))).toEqual([[80, 8000], [5, 7000]]);
    expect(result.totalCentipoints).toBe(7600);
  });

  it('treats an industry without a benchmark as missing data', () => {
    const result = computePoints({ ...firm, industry: 'C99' }, { indicators: [{ indicatorId: 'intensity', value: 2 }, { indicatorId: 'decline', value: { current: 100, previous: 100 } }] }, carbon, asOf);
    expect([result.totalCentipoints, result.lines[0]?.kind === 'indicator' && result.lines[0].reason]).toEqual([4000, 'no_benchmark']);
  });
});

describe('computePoints refuses', () => {
  it.each([
    ['a subject of another type', () => computePoints(firm, {}, accumulating, asOf), '/subject/type'],
    ['an as-of that is not a date', () => computePoints(person, {}, accumulating, '2026-02-30'), '/asOf'],
    ['two events with one id on one day', () => score([event('a', 'bus_ride', '2026-03-01'), event('b', 'bus_ride', '2026-03-01'), event('a', 'bus_ride', '2026-03-01', 2)]), '/events/2/id'],
    ['two values for one indicator', () => computePoints(firm, { indicators: [{ indicatorId: 'permit', value: true }, { indicatorId: 'permit', value: false }] }, weighted, asOf), '/indicators/1/indicatorId'],
    ['an indicator value of the wrong kind', () => computePoints(firm, { indicators: [{ indicatorId: 'permit', value: 3 }] }, weighted, asOf), '/indicators/0/value'],
  ])('%s, naming the field', (_name, run, path) => {
    expect(run).toThrow(PointsInputError);
    expect(() => run()).toThrow(expect.objectContaining({ path }));
  });
});
