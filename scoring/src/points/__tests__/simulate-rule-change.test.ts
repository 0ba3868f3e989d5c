import { simulateRuleChange } from '../simulate-rule-change.js';
import type { AccumulatingRuleSet, Population } from '../types.js';
import { accumulating, event, gradeScale, proof, weighted } from './fixtures.js';

/** The proposal: garbage sorting worth 2 points instead of 1. */
const doubledSorting: AccumulatingRuleSet = { ...accumulating, version: '3.0.0', rules: accumulating.rules.map((rule) => (rule.id === 'sort' ? { ...rule, centipointsPerUnit: 200 } : rule)) };
const person = (id: string) => ({ id, type: 'individual' as const });

const population: Population = {
  subjects: [
    { subject: person('p1'), events: [event('a', 'garbage_sorting', '2026-03-01', 4)] },
    { subject: person('p2'), events: [event('a', 'garbage_sorting', '2026-03-01', 6)] },
    { subject: person('p3'), events: [event('a', 'illegal_discharge', '2026-03-01', 1, { evidence: proof })] },
    { subject: person('p4') },
  ],
};

describe('simulateRuleChange', () => {
  const result = simulateRuleChange(population, accumulating, doubledSorting, '2026-03-10');

  it('names both rule sets and counts the subjects whose grade changes', () => {
    expect(result).toMatchObject({ asOf: '2026-03-10', oldRuleSet: { id: 'test-accumulating', version: '2.1.0' }, newRuleSet: { id: 'test-accumulating', version: '3.0.0' }, subjects: 4, gradeChanged: 1, gradeImproved: 1, gradeWorsened: 0 });
  });

  it('builds the grade migration matrix from old grade to new grade', () => {
    const zeros = { top: 0, mid: 0, low: 0, bottom: 0, '(ungraded)': 0 };
    expect(result.migration).toEqual({
      top: zeros,
      mid: { ...zeros, mid: 1, top: 1 },
      low: { ...zeros, low: 1 },
      bottom: { ...zeros, bottom: 1 },
      '(ungraded)': zeros,
    });
  });

  it('describes the change of the totals by its mean and distribution', () => {
    expect(result.totalChange).toEqual({
      sumCentipoints: 1000, meanCentipoints: 250, minCentipoints: 0, p10Centipoints: 0, p25Centipoints: 0, medianCentipoints: 0, p75Centipoints: 400, p90Centipoints: 600, maxCentipoints: 600, decreased: 0, unchanged: 2, increased: 2,
    });
  });

  it('counts changes without a direction when the grade scales differ', () => {
    const renamed: AccumulatingRuleSet = { ...doubledSorting, grades: gradeScale([1000, 300, 0]).map((g) => ({ ...g, id: `new_${g.id}` })), vetoes: [] };
    expect(simulateRuleChange(population, accumulating, renamed, '2026-03-10')).toMatchObject({ gradeChanged: 4, gradeImproved: null, gradeWorsened: null });
  });

  it('reports an empty population without a mean', () => {
    expect(simulateRuleChange({ subjects: [] }, accumulating, doubledSorting, '2026-03-10').totalChange).toMatchObject({ sumCentipoints: 0, meanCentipoints: null, medianCentipoints: null });
  });

  it('points a refusal at the subject within the population', () => {
    const mixed: Population = { subjects: [...population.subjects, { subject: { id: 'firm', type: 'enterprise' } }] };
    expect(() => simulateRuleChange(mixed, accumulating, doubledSorting, '2026-03-10')).toThrow(expect.objectContaining({ path: '/subjects/4/subject/type' }));
  });

  it('refuses rule sets for different subject types', () => {
    expect(() => simulateRuleChange(population, accumulating, weighted, '2026-03-10')).toThrow(expect.objectContaining({ path: '/newRuleSet/subjectType' }));
  });
});
