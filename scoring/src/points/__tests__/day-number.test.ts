import fc from 'fast-check';
import { dayNumber } from '../day-number.js';
import { isIsoDate } from '../is-iso-date.js';
import { isoDateOfDay } from '../iso-date-of-day.js';
import { monthNumber } from '../month-number.js';

describe('calendar arithmetic without the clock', () => {
  it.each([
    ['1970-01-01', 0],
    ['2000-03-01', 11017],
    ['2024-02-29', 19782],
    ['2026-03-10', 20522],
  ])('numbers %s as day %i', (iso, day) => {
    expect([dayNumber(iso), isoDateOfDay(day)]).toEqual([day, iso]);
  });

  it('agrees with the calendar for every day of four centuries', () => {
    fc.assert(fc.property(fc.integer({ min: -200000, max: 200000 }), (day) => dayNumber(isoDateOfDay(day)) === day && isoDateOfDay(day) === new Date(day * 86400000).toISOString().slice(0, 10)));
  });

  it('numbers months so that dates of one calendar month share a number', () => {
    expect([monthNumber('2026-01-31'), monthNumber('2026-02-01'), monthNumber('2026-02-28')]).toEqual([24312, 24313, 24313]);
  });

  it.each([
    ['2026-02-28', true],
    ['2024-02-29', true],
    ['2026-02-29', false],
    ['2026-13-01', false],
    ['26-01-01', false],
    [20260101, false],
  ])('knows whether %p is a real date', (value, real) => {
    expect(isIsoDate(value)).toBe(real);
  });
});
