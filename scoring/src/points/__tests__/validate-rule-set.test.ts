import { readFileSync } from 'node:fs';
import { PointsInputError } from '../points-input-error.js';
import { validateRuleSet } from '../validate-rule-set.js';
import { accumulating, weighted } from './fixtures.js';

const defaults = ['individual', 'enterprise', 'social_organisation', 'village'];
const load = (name: string): unknown => JSON.parse(readFileSync(new URL(`../../../rule-sets/${name}.json`, import.meta.url), 'utf8'));

function pathOfRefusal(json: unknown): string {
  try {
    validateRuleSet(json);
  } catch (error) {
    if (error instanceof PointsInputError) return error.path;
    throw error;
  }
  return 'accepted';
}

function changed<T>(original: T, change: (copy: T) => void): T {
  const copy = structuredClone(original);
  change(copy);
  return copy;
}

describe('validateRuleSet', () => {
  it.each(defaults)('accepts the default %s rule set, for its own subject type', (name) => {
    expect(validateRuleSet(load(name)).subjectType).toBe(name);
  });

  it('cites a source for every default rule, indicator, grade, benefit, veto and downgrade', () => {
    const cited = defaults.map((name) => validateRuleSet(load(name))).flatMap((rs) => [
      ...(rs.mode === 'accumulating' ? rs.rules : rs.indicators),
      ...rs.grades,
      ...rs.grades.map((g) => g.benefits),
      ...rs.vetoes,
      ...rs.downgrades,
    ]);
    expect(cited.every((item) => item.source.length > 10)).toBe(true);
  });

  it('accepts the test fixtures', () => {
    expect([validateRuleSet(structuredClone(accumulating)).id, validateRuleSet(structuredClone(weighted)).id]).toEqual(['test-accumulating', 'test-weighted']);
  });

  it.each([
    ['not an object', 42, ''],
    ['a missing version', changed(accumulating, (rs) => delete (rs as { version?: string }).version), '/version'],
    ['an unknown property', { ...accumulating, colour: 'green' }, '/colour'],
    ['an impossible effective date', { ...accumulating, effectiveFrom: '2026-02-29' }, '/effectiveFrom'],
    ['a fractional points per unit', changed(accumulating, (rs) => (rs.rules[1]!.centipointsPerUnit = 1.5)), '/rules/1/centipointsPerUnit'],
    ['a rule without its source', changed(accumulating, (rs) => delete (rs.rules[2] as { source?: string }).source), '/rules/2/source'],
    ['a zero daily cap', changed(accumulating, (rs) => (rs.rules[0]!.dailyCapCentipoints = 0)), '/rules/0/dailyCapCentipoints'],
    ['indicators in accumulating mode', { ...accumulating, indicators: weighted.indicators }, '/indicators'],
    ['weighted mode without indicators', { ...accumulating, mode: 'weighted' }, '/indicators'],
    ['a bands scoring with a linear anchor', changed(weighted, (rs) => Object.assign(rs.indicators[0]!.scoring, { from: { measure: 0, centipoints: 0 } })), '/indicators/0/scoring/from'],
    ['a score above 100 points', changed(weighted, (rs) => (rs.indicators[2]!.scoring = { method: 'yes_no', yesCentipoints: 10001, noCentipoints: 0 })), '/indicators/2/scoring/yesCentipoints'],
    ['weights that do not total 100', changed(weighted, (rs) => (rs.indicators[0]!.weight = 49)), '/indicators'],
    ['two indicators with one id', changed(weighted, (rs) => (rs.indicators[1]!.id = 'compliance')), '/indicators/1/id'],
    ['two rules for one event type', changed(accumulating, (rs) => (rs.rules[1]!.eventType = 'walking_steps')), '/rules/1/eventType'],
    ['cut-offs that do not fall', changed(accumulating, (rs) => (rs.grades[1]!.minTotalCentipoints = 1000)), '/grades/1/minTotalCentipoints'],
    ['a cut-off on the worst grade', changed(accumulating, (rs) => (rs.grades[3]!.minTotalCentipoints = -100)), '/grades/3/minTotalCentipoints'],
    ['a grade without a cut-off above the worst', changed(accumulating, (rs) => delete rs.grades[2]!.minTotalCentipoints), '/grades/2/minTotalCentipoints'],
    ['a veto forcing an unknown grade', changed(accumulating, (rs) => (rs.vetoes[0]!.forceGrade = 'black')), '/vetoes/0/forceGrade'],
    ['a linear range of zero width', changed(weighted, (rs) => (rs.indicators[1]!.scoring = { method: 'linear', from: { measure: 5, centipoints: 0 }, to: { measure: 5, centipoints: 10000 } })), '/indicators/1/scoring/to/measure'],
  ])('refuses %s with the path of the error', (_name, json, path) => {
    expect(pathOfRefusal(json)).toBe(path);
  });

  it('says what is wrong in the message', () => {
    expect(() => validateRuleSet({ ...accumulating, colour: 'green' })).toThrow("rule set: must NOT have additional properties (colour)");
  });
});
