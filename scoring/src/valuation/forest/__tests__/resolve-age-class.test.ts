import { defaultValuationConfig as config } from '../../default-valuation-config.js';
import type { ValuationInputRecord, ValuationWarning } from '../../types.js';
import { resolveAgeClass } from '../resolve-age-class.js';

const timber = { assetType: 'forest_right', forestType: 'timber', areaHa: 1 } as const;

describe('resolveAgeClass', () => {
  it('derives the class from stand and rotation age and records where it came from', () => {
    const inputs: Record<string, ValuationInputRecord> = {};
    expect(resolveAgeClass({ ...timber, standAgeYears: 22, rotationAgeYears: 25 }, config, inputs, [])).toBe('near_mature');
    expect(inputs.ageClass).toEqual({ value: 'near_mature', unit: 'age class', source: 'configuration', configPath: 'forestAgeClasses.bounds', note: 'derived from stand age 22 / rotation age 25' });
  });

  it('keeps a stated class, warning when the ages suggest another', () => {
    const warnings: ValuationWarning[] = [];
    expect(resolveAgeClass({ ...timber, ageClass: 'young', standAgeYears: 22, rotationAgeYears: 25 }, config, {}, warnings)).toBe('young');
    expect(warnings.map((w) => w.code)).toEqual(['AGE_CLASS_MISMATCH']);
  });

  it('needs either a class or both ages', () => {
    expect(() => resolveAgeClass({ ...timber, standAgeYears: 22 }, config, {}, [])).toThrow(expect.objectContaining({ field: 'ageClass' }));
  });
});
