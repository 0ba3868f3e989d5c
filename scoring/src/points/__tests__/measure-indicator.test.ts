import { measureIndicator } from '../measure-indicator.js';
import type { Indicator } from '../types.js';
import { carbon, weighted } from './fixtures.js';

const [intensity, decline] = carbon.indicators as [Indicator, Indicator];
const [compliance, , permit] = weighted.indicators as [Indicator, Indicator, Indicator];
const firm = { id: 'f', type: 'enterprise' as const, industry: 'C30' };

describe('measureIndicator', () => {
  it.each([
    ['a plain value', compliance, 97.5, { measure: 97.5 }],
    ['yes as 1', permit, true, { measure: 1 }],
    ['no as 0', permit, false, { measure: 0 }],
    ['intensity as percent of the industry benchmark, without float noise', intensity, 2.24, { measure: 80 }],
    ['the year-on-year decline in percent', decline, { current: 2.6, previous: 2.8 }, { measure: 7.142857143 }],
    ['a rise as a negative decline', decline, { current: 110, previous: 100 }, { measure: -10 }],
  ])('measures %s', (_name, indicator, value, expected) => {
    expect(measureIndicator(indicator, value, firm, '/indicators/0/value')).toEqual(expected);
  });

  it('reports a missing benchmark for a subject without a benchmarked industry', () => {
    expect(measureIndicator(intensity, 2, { id: 'f', type: 'enterprise' }, '/x')).toEqual({ missing: 'no_benchmark' });
  });

  it.each([
    [compliance, true, '/indicators/3/value'],
    [permit, 1, '/indicators/3/value'],
    [intensity, { current: 1, previous: 2 }, '/indicators/3/value'],
    [decline, 5, '/indicators/3/value'],
    [decline, { current: 1, previous: 0 }, '/indicators/3/value/previous'],
  ])('refuses a value of the wrong shape at its path (%#)', (indicator, value, path) => {
    expect(() => measureIndicator(indicator, value, firm, '/indicators/3/value')).toThrow(expect.objectContaining({ path }));
  });
});
