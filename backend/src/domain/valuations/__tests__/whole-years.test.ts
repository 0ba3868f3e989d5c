import { describe, expect, test } from '@jest/globals';
import { wholeYearsBetween } from '../whole-years.js';

describe('wholeYearsBetween', () => {
  test('counts only completed years, and none once the end has passed', () => {
    expect(wholeYearsBetween('2026-11-29', '2031-06-30')).toBe(4);
    expect(wholeYearsBetween('2026-06-30', '2031-06-30')).toBe(5);
    expect(wholeYearsBetween('2026-07-01', '2031-06-30')).toBe(4);
    expect(wholeYearsBetween('2032-01-01', '2031-06-30')).toBe(0);
  });
});
