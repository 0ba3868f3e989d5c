import { accrualDays } from '../calendar/accrual-days.js';
import { addMonths } from '../calendar/add-months.js';

describe('addMonths', () => {
  it('keeps the day of month, clamped to the month’s end, and returns to it when the month is long enough', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-02-28', 1, 31)).toBe('2026-03-31');
    expect(addMonths('2026-11-15', 3)).toBe('2027-02-15');
  });
});

describe('accrualDays', () => {
  it('counts actual days for actual/360 and actual/365', () => {
    expect(accrualDays('actual_360', '2026-01-31', '2026-02-28')).toBe(28);
    expect(accrualDays('actual_365', '2027-12-31', '2028-12-31')).toBe(366);
  });

  it('counts 30 days a month for 30/360, reading a 31st as the 30th', () => {
    expect(accrualDays('30_360', '2026-01-15', '2026-02-15')).toBe(30);
    expect(accrualDays('30_360', '2026-01-31', '2026-03-31')).toBe(60);
    expect(accrualDays('30_360', '2026-02-15', '2026-03-01')).toBe(16);
    expect(accrualDays('30_360', '2026-01-15', '2027-01-15')).toBe(360);
  });
});
