import type { AccumulatingRule } from './types.js';

/**
 * Remaining daily and monthly allowance of each rule while events are visited in date order.
 * Caps bound the size of a rule's points (gains, or losses for a negative rule).
 */
export class CapTracker {
  private readonly day: number[];
  private readonly usedInDay: number[];
  private readonly month: number[];
  private readonly usedInMonth: number[];

  constructor(private readonly rules: readonly AccumulatingRule[]) {
    this.day = rules.map(() => Number.NaN);
    this.usedInDay = rules.map(() => 0);
    this.month = rules.map(() => Number.NaN);
    this.usedInMonth = rules.map(() => 0);
  }

  /** Takes up to `size` (≥ 0) from rule `index` on the given day and month; returns what was allowed. */
  take(index: number, day: number, month: number, size: number): number {
    const rule = this.rules[index]!;
    if (this.day[index] !== day) {
      this.day[index] = day;
      this.usedInDay[index] = 0;
    }
    if (this.month[index] !== month) {
      this.month[index] = month;
      this.usedInMonth[index] = 0;
    }
    const dayRoom = rule.dailyCapCentipoints === undefined ? size : rule.dailyCapCentipoints - this.usedInDay[index]!;
    const monthRoom = rule.monthlyCapCentipoints === undefined ? size : rule.monthlyCapCentipoints - this.usedInMonth[index]!;
    const allowed = Math.max(0, Math.min(size, dayRoom, monthRoom));
    this.usedInDay[index]! += allowed;
    this.usedInMonth[index]! += allowed;
    return allowed;
  }
}
