import { roundHalfUp } from '../round-half-up.js';
import { scoreIndicator } from '../score-indicator.js';
import type { IndicatorScoring } from '../types.js';

const fewerIsBetter: IndicatorScoring = { method: 'bands', bands: [{ below: 1, centipoints: 10000 }, { from: 1, below: 3, centipoints: 6000 }], otherwiseCentipoints: 0 };
const falling: IndicatorScoring = { method: 'linear', from: { measure: 0.5, centipoints: 10000 }, to: { measure: 1.5, centipoints: 0 } };

describe('scoreIndicator', () => {
  it.each([
    [fewerIsBetter, 0, 10000],
    [fewerIsBetter, 1, 6000],
    [fewerIsBetter, 2.99, 6000],
    [fewerIsBetter, 3, 0],
    [falling, 0.2, 10000],
    [falling, 1, 5000],
    [falling, 1.25, 2500],
    [falling, 9, 0],
  ])('scores measure %p as %i centipoints', (scoring, measure, expected) => {
    expect(scoreIndicator(scoring, measure as number)).toBe(expected);
  });
});

describe('roundHalfUp', () => {
  it.each([
    [7, 2, 4],
    [5, 2, 3],
    [-5, 2, -2],
    [14, 4, 4],
    [13, 4, 3],
    [540000, 70, 7714],
  ])('rounds %i / %i to %i', (numerator, denominator, expected) => {
    expect(roundHalfUp(numerator, denominator)).toBe(expected);
  });
});
