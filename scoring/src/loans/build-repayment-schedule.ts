import { exactToDecimalString } from '../money/index.js';
import { addMonths } from './calendar/add-months.js';
import { amortise } from './schedule/amortise.js';
import { dueDates } from './schedule/due-dates.js';
import { periodicRate } from './schedule/periodic-rate.js';
import { scheduleConvention } from './schedule/schedule-convention.js';
import { scheduleTotals } from './schedule/schedule-totals.js';
import type { RepaymentSchedule } from './types.js';
import { validateScheduleRequest } from './validation/validate-schedule-request.js';

/**
 * The repayment schedule of a loan: equal instalment (annuity) or equal principal, monthly or
 * quarterly. The request is validated first (LoanInputError names the field). See
 * `scheduleConvention` for the exact rules; every amount is exact and rounded once, half-even.
 */
export function buildRepaymentSchedule(request: unknown): RepaymentSchedule {
  const r = validateScheduleRequest(request);
  const periodMonths = r.frequency === 'monthly' ? 1 : 3;
  const count = r.termMonths / periodMonths;
  const anchorDay = Number((r.firstDueDate ?? r.disbursementDate).slice(8, 10));
  const firstDueDate = r.firstDueDate ?? addMonths(r.disbursementDate, periodMonths);
  const dates = dueDates(firstDueDate, periodMonths, count, anchorDay);
  const { instalments, levelInstalmentFen, levelPrincipalFen } = amortise({
    principalFen: r.principalFen,
    annualRate: r.annualRate,
    method: r.method,
    frequency: r.frequency,
    dayCount: r.dayCount,
    accrualStart: r.disbursementDate,
    dueDates: dates,
    firstNumber: 1,
  });
  return {
    method: r.method,
    frequency: r.frequency,
    dayCount: r.dayCount,
    principalFen: r.principalFen,
    annualRate: r.annualRate,
    termMonths: r.termMonths,
    disbursementDate: r.disbursementDate,
    firstDueDate,
    maturityDate: dates[dates.length - 1]!,
    periodicRate: trimDecimal(exactToDecimalString(periodicRate(r.annualRate, r.frequency), 12)),
    levelInstalmentFen,
    levelPrincipalFen,
    instalments,
    totals: scheduleTotals(instalments),
    rounding: 'half-even',
    convention: scheduleConvention(r.method, r.frequency, r.dayCount),
  };
}

function trimDecimal(text: string): string {
  return text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text;
}
