import type { Exact } from '../../money/index.js';
import { annuityInstalment } from '../schedule/annuity-instalment.js';
import type { RepaymentSchedule } from '../types.js';

/**
 * How many of the `available` remaining periods are needed to repay `principalFen` while keeping
 * the schedule's level amount (shorten_term): for an annuity the fewest periods whose exact level
 * instalment at the periodic rate is not above the current one (binary search); for equal
 * principal ceil(principal / level principal).
 */
export function remainingCount(schedule: RepaymentSchedule, principalFen: number, rate: Exact, available: number): number {
  if (principalFen === 0) return 1;
  if (schedule.levelPrincipalFen !== null) return Math.min(available, Math.max(1, Math.ceil(principalFen / Math.max(1, schedule.levelPrincipalFen))));
  const level = schedule.levelInstalmentFen ?? 0;
  let [low, high] = [1, available];
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    if (annuityInstalment(principalFen, rate, middle) <= level) high = middle;
    else low = middle + 1;
  }
  return low;
}
