import { attainableScores } from '../attainable-scores.js';
import { requiredMeasure } from '../required-measure.js';
import type { IndicatorScoring } from '../types.js';

const bands: IndicatorScoring = { method: 'bands', bands: [{ below: 80, centipoints: 10000 }, { from: 80, below: 100, centipoints: 8000 }], otherwiseCentipoints: 2000 };
const rising: IndicatorScoring = { method: 'linear', from: { measure: 80, centipoints: 0 }, to: { measure: 100, centipoints: 10000 } };
const falling: IndicatorScoring = { method: 'linear', from: { measure: 0.5, centipoints: 10000 }, to: { measure: 1.5, centipoints: 0 } };
const yesNo: IndicatorScoring = { method: 'yes_no', yesCentipoints: 10000, noCentipoints: 4000 };

describe('attainableScores', () => {
  it.each([
    [bands, [2000, 8000, 10000]],
    [rising, [0, 10000]],
    [yesNo, [4000, 10000]],
  ])('lists the scores of %j in ascending order', (scoring, scores) => {
    expect(attainableScores(scoring)).toEqual(scores);
  });
});

describe('requiredMeasure', () => {
  it.each([
    [bands, 10000, { below: 80 }],
    [bands, 8000, { from: 80, below: 100 }],
    [bands, 2000, null],
    [rising, 6665, { from: 93.33 }],
    [falling, 7500, { atMost: 0.75 }],
    [yesNo, 10000, { equals: true }],
  ])('names the measure that earns a score (%#)', (scoring, score, measure) => {
    expect(requiredMeasure(scoring, score)).toEqual(measure);
  });
});
