import { defaultValuationConfig as config } from '../../default-valuation-config.js';
import { deriveAgeClass } from '../derive-age-class.js';

describe('deriveAgeClass', () => {
  const bounds = config.forestAgeClasses.bounds; // young < 0.4 ≤ middle < 0.8 ≤ near_mature < 1 ≤ mature < 1.4 ≤ over_mature

  it.each([
    [5, 25, 'young'], // 0.2
    [10, 25, 'middle'], // 0.4 exactly: no longer young
    [15, 25, 'middle'], // 0.6
    [20, 25, 'near_mature'], // 0.8
    [24, 25, 'near_mature'], // 0.96
    [25, 25, 'mature'], // 1
    [34, 25, 'mature'], // 1.36
    [35, 25, 'over_mature'], // 1.4
  ] as const)('a stand of %i years with rotation %i is %s', (age, rotation, expected) => {
    expect(deriveAgeClass(age, rotation, bounds)).toBe(expected);
  });
});
