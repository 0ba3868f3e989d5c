import type { AccumulatingRule } from './types.js';

const DAY = 0;
const USED_IN_DAY = 1;
const MONTH = 2;
const USED_IN_MONTH = 3;

/**
 * Remaining daily and monthly allowance of each rule while events are visited in date order.
 * Caps bound the size of a rule's points (gains, or losses for a negative rule).
 * State is one flat array of four numbers per rule: current day, used that day, current month, used that month.
 */
export class CapTracker {
  private readonly state: number[];

  constructor(private readonly rules: readonly AccumulatingRule[]) {
    this.state = new Array<number>(rules.length * 4).fill(Number.NaN);
  }

  private used(slot: number, period: number, periodSlot: number): number {
    if (this.state[periodSlot] !== period) {
      this.state[periodSlot] = period;
      this.state[slot] = 0;
    }
    return this.state[slot]!;
  }

  /** Takes up to `size` (≥ 0) from rule `index` on the given day and month; returns what was allowed. */
  take(index: number, day: number, month: number, size: number): number {
    const rule = this.rules[index]!;
    const base = index * 4;
    const usedInDay = this.used(base + USED_IN_DAY, day, base + DAY);
    const usedInMonth = this.used(base + USED_IN_MONTH, month, base + MONTH);
    const dayRoom = rule.dailyCapCentipoints === undefined ? size : rule.dailyCapCentipoints - usedInDay;
    const monthRoom = rule.monthlyCapCentipoints === undefined ? size : rule.monthlyCapCentipoints - usedInMonth;
    const allowed = Math.max(0, Math.min(size, dayRoom, monthRoom));
    this.state[base + USED_IN_DAY] = usedInDay + allowed;
    this.state[base + USED_IN_MONTH] = usedInMonth + allowed;
    return allowed;
  }
}
