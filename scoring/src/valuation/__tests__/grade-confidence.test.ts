import { exact } from '../../money/index.js';
import { gradeConfidence, type ConfidenceInputs } from '../grade-confidence.js';

const base: ConfidenceInputs = {
  marketLiquidity: 'high',
  dataQuality: 'verified',
  dataQualitySource: 'request',
  defaultedValueDrivers: [],
  point: exact(100n),
  low: exact(80n),
  high: exact(120n),
  wideRangeShare: 1,
};

describe('gradeConfidence', () => {
  it('is the weaker of market liquidity and data quality', () => {
    expect(gradeConfidence(base).grade).toBe('high');
    expect(gradeConfidence({ ...base, dataQuality: 'reported' }).grade).toBe('medium');
    expect(gradeConfidence({ ...base, marketLiquidity: 'low' }).grade).toBe('low');
  });

  it('drops a step for defaulted value drivers and another for a range wider than the value', () => {
    const result = gradeConfidence({ ...base, defaultedValueDrivers: ['discountRate'], low: exact(40n), high: exact(160n) });
    expect(result).toEqual({
      grade: 'low',
      reasons: [
        'market liquidity of this asset: high',
        'data quality: verified',
        'value-driving inputs taken from defaults: discountRate',
        'sensitivity range is wider than 1 of the value',
      ],
    });
  });

  it('is low when there is no value', () => {
    expect(gradeConfidence({ ...base, point: exact(0n), low: exact(0n), high: exact(0n) })).toMatchObject({ grade: 'low', reasons: expect.arrayContaining(['the value is zero']) });
  });
});
