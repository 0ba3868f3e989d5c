import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import pointsResultSchema from '@eco/schemas/points/points-result.schema.json' with { type: 'json' };
import whatIfResultSchema from '@eco/schemas/points/what-if-result.schema.json' with { type: 'json' };
import simulationResultSchema from '@eco/schemas/points/simulation-result.schema.json' with { type: 'json' };
import { computePoints } from '../compute-points.js';
import { simulateRuleChange } from '../simulate-rule-change.js';
import { whatIf } from '../what-if.js';
import { accumulating, carbon, event, proof, weighted } from './fixtures.js';

const ajv = new Ajv2020({ strict: true, allErrors: true });
addFormats.default(ajv);
const isPointsResult = ajv.compile(pointsResultSchema);
const isWhatIfResult = ajv.compile(whatIfResultSchema);
const isSimulationResult = ajv.compile(simulationResultSchema);

const person = { id: 'p', type: 'individual' as const };
const firm = { id: 'f', type: 'enterprise' as const, industry: 'C30' };
const asOf = '2026-03-10';
const events = [
  event('a', 'garbage_sorting', '2026-03-01', 4),
  event('b', 'walking_steps', '2026-03-09', 90),
  event('c', 'illegal_discharge', '2026-03-02'),
  event('d', 'incident', '2026-03-03'),
  event('e', 'environmental_crime', '2026-03-04', 1, { evidence: proof }),
  event('f', 'garbage_sorting', '2026-03-11'),
];

describe('the result schemas', () => {
  it('describe accumulating and weighted results, with vetoes, downgrades, evidence and missing data', () => {
    const results = [
      computePoints(person, { events }, accumulating, asOf),
      computePoints(firm, { indicators: [{ indicatorId: 'compliance', value: 96, evidence: proof }, { indicatorId: 'permit', value: true }], events: [event('i', 'incident', '2026-03-01', 1, { evidence: proof })] }, weighted, asOf),
      computePoints(firm, {}, weighted, asOf),
      computePoints({ ...firm, industry: 'X' }, { indicators: [{ indicatorId: 'intensity', value: 2 }] }, carbon, asOf),
    ];
    expect(results.map((result) => [isPointsResult(result), isPointsResult.errors ?? []])).toEqual(results.map(() => [true, []]));
  });

  it('describe what-if answers, reachable or not', () => {
    const scored = computePoints(firm, { indicators: [{ indicatorId: 'compliance', value: 91, evidence: proof }, { indicatorId: 'restoration', value: 10 }] }, weighted, asOf);
    const answers = [
      whatIf(computePoints(person, { events: events.slice(0, 2) }, accumulating, asOf), accumulating, 'top'),
      whatIf(computePoints(person, { events }, accumulating, asOf), accumulating, 'top'),
      whatIf(scored, weighted, 'top'),
      whatIf(scored, weighted, 'bottom'),
    ];
    expect(answers.map((answer) => [isWhatIfResult(answer), isWhatIfResult.errors ?? []])).toEqual(answers.map(() => [true, []]));
  });

  it('describe simulation results', () => {
    const result = simulateRuleChange({ subjects: [{ subject: person, events }, { subject: { ...person, id: 'q' } }] }, accumulating, { ...accumulating, version: '9.0.0' }, asOf);
    expect([isSimulationResult(result), isSimulationResult.errors ?? []]).toEqual([true, []]);
  });

  it('describe the result of any accumulating evidence', () => {
    const anyEvent = fc.record({
      type: fc.constantFrom('walking_steps', 'bus_ride', 'garbage_sorting', 'illegal_discharge', 'environmental_crime', 'formal_warning', 'incident', 'unknown'),
      occurredOn: fc.constantFrom('2025-01-01', '2026-02-27', '2026-03-01', '2026-03-09', '2026-03-10', '2026-03-12'),
      quantity: fc.integer({ min: 0, max: 500 }),
      evidence: fc.option(fc.constant(proof), { nil: undefined }),
      dedupKey: fc.option(fc.constantFrom('k1', 'k2'), { nil: undefined }),
    });
    const list = fc.array(anyEvent, { maxLength: 20 }).map((items) => items.map((item, index) => JSON.parse(JSON.stringify({ id: `e${index}`, ...item }))));
    fc.assert(fc.property(list, (items) => isPointsResult(computePoints(person, { events: items }, accumulating, asOf)) === true));
  });
});
