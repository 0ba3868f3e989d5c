import type { DayCount, RepaymentFrequency, RepaymentMethod } from '../types.js';

const DAY_COUNT: Record<DayCount, string> = {
  actual_360: 'actual/360: actual calendar days between dates, over 360',
  actual_365: 'actual/365 (fixed): actual calendar days between dates, over 365',
  '30_360': '30/360 bond basis (ISDA): every whole month 30 days (31st read as 30th), over 360',
};

/** The exact rules of a schedule, in words, for the schedule's `convention` field. */
export function scheduleConvention(method: RepaymentMethod, frequency: RepaymentFrequency, dayCount: DayCount): string {
  const period = frequency === 'monthly' ? 'annualRate / 12' : 'annualRate / 4';
  const level =
    method === 'equal_instalment'
      ? `Equal instalment (annuity, 等额本息): level instalment A = P·r·(1+r)^n / ((1+r)^n − 1) with the nominal periodic rate r = ${period} (usual Chinese bank practice), computed exactly and rounded once half-even; each row's principal part = A − that row's interest.`
      : `Equal principal (等额本金): principal part = P / n rounded once half-even; interest on the declining balance.`;
  return [
    level,
    `Interest of each row = opening principal × annualRate × days / basis under ${DAY_COUNT[dayCount]}, from the previous due date (the disbursement date for the first row) to the due date, computed exactly and rounded once half-even.`,
    `Due dates every ${frequency === 'monthly' ? 'month' : '3 months'} on the first due date's day of month (the disbursement day when defaulted), clamped to the month's end.`,
    'The last instalment repays all principal left, absorbing rounding, so the principal parts add up to the principal exactly; no part is negative or above the opening principal.',
  ].join(' ');
}
