import { changeDistribution } from '../change-distribution.js';

describe('changeDistribution', () => {
  it('summarises changes by sum, rounded mean, nearest-rank percentiles and direction', () => {
    expect(changeDistribution([30, -10, 0, 5, 100, -3, 0, 7, 1, 2])).toEqual({
      sumCentipoints: 132, meanCentipoints: 13, minCentipoints: -10, p10Centipoints: -10, p25Centipoints: 0, medianCentipoints: 1, p75Centipoints: 7, p90Centipoints: 30, maxCentipoints: 100, decreased: 2, unchanged: 2, increased: 6,
    });
  });

  it('rounds a mean of exactly one half up', () => {
    expect(changeDistribution([1, 2]).meanCentipoints).toBe(2);
  });
});
