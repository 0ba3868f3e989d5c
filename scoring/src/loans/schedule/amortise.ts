import { exact, exactDivide, exactFromFen, exactToFen } from '../../money/index.js';
import { accrualDays } from '../calendar/accrual-days.js';
import type { DayCount, Instalment, RepaymentFrequency, RepaymentMethod } from '../types.js';
import { accrueInterest } from './accrue-interest.js';
import { annuityInstalment } from './annuity-instalment.js';
import { periodicRate } from './periodic-rate.js';

export interface AmortiseInput {
  principalFen: number;
  annualRate: number;
  method: RepaymentMethod;
  frequency: RepaymentFrequency;
  dayCount: DayCount;
  /** Interest of the first row accrues from this date. */
  accrualStart: string;
  dueDates: readonly string[];
  firstNumber: number;
  /** Keep this level instalment (annuity) instead of computing it from the principal and count. */
  levelInstalmentFen?: number;
  /** Keep this level principal part (equal principal) instead of principal / count. */
  levelPrincipalFen?: number;
}

export interface Amortisation {
  instalments: Instalment[];
  levelInstalmentFen: number | null;
  levelPrincipalFen: number | null;
}

/**
 * Rows of a schedule. Interest of each row = opening principal × annualRate × days / basis under
 * the day count, rounded once. equal_instalment: principal part = level instalment − interest
 * (the level instalment from the periodic rate annualRate/12 or /4); equal_principal: principal
 * part = round(principal / count). Each part is kept between 0 and the opening principal; the last
 * row repays whatever principal is left, so the parts add up to the principal exactly.
 */
export function amortise(input: AmortiseInput): Amortisation {
  const count = input.dueDates.length;
  const annuity = input.method === 'equal_instalment';
  const level = annuity
    ? (input.levelInstalmentFen ?? annuityInstalment(input.principalFen, periodicRate(input.annualRate, input.frequency), count))
    : (input.levelPrincipalFen ?? exactToFen(exactDivide(exactFromFen(input.principalFen), exact(BigInt(count))), undefined, 'levelPrincipalFen'));
  const instalments: Instalment[] = [];
  let opening = input.principalFen;
  let from = input.accrualStart;
  input.dueDates.forEach((dueDate, i) => {
    const days = accrualDays(input.dayCount, from, dueDate);
    const interestFen = accrueInterest(opening, input.annualRate, input.dayCount, days);
    const wanted = annuity ? level - interestFen : level;
    const principalFen = i === count - 1 ? opening : Math.max(0, Math.min(opening, wanted));
    instalments.push({
      number: input.firstNumber + i,
      dueDate,
      days,
      openingPrincipalFen: opening,
      principalFen,
      interestFen,
      totalFen: principalFen + interestFen,
      closingPrincipalFen: opening - principalFen,
    });
    opening -= principalFen;
    from = dueDate;
  });
  return { instalments, levelInstalmentFen: annuity ? level : null, levelPrincipalFen: annuity ? null : level };
}
