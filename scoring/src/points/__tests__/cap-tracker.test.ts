import { CapTracker } from '../cap-tracker.js';
import type { AccumulatingRule } from '../types.js';

const rule = (caps: Partial<AccumulatingRule>): AccumulatingRule => ({ id: 'r', eventType: 'r', category: 'c', label: 'r', unit: 'u', centipointsPerUnit: 1, evidenceRequired: false, source: 'test', ...caps });

describe('CapTracker', () => {
  it('allows everything to a rule without caps', () => {
    expect(new CapTracker([rule({})]).take(0, 1, 1, 5000)).toBe(5000);
  });

  it('allows what is left of the daily cap, then nothing, then a fresh cap the next day', () => {
    const caps = new CapTracker([rule({ dailyCapCentipoints: 100 })]);
    expect([caps.take(0, 1, 1, 70), caps.take(0, 1, 1, 70), caps.take(0, 1, 1, 70), caps.take(0, 2, 1, 70)]).toEqual([70, 30, 0, 70]);
  });

  it('applies the tighter of the daily and the monthly cap', () => {
    const caps = new CapTracker([rule({ dailyCapCentipoints: 100, monthlyCapCentipoints: 150 })]);
    expect([caps.take(0, 1, 7, 100), caps.take(0, 2, 7, 100), caps.take(0, 3, 8, 100)]).toEqual([100, 50, 100]);
  });

  it('keeps each rule’s allowance apart', () => {
    const caps = new CapTracker([rule({ dailyCapCentipoints: 10 }), rule({ dailyCapCentipoints: 20 })]);
    expect([caps.take(0, 1, 1, 50), caps.take(1, 1, 1, 50)]).toEqual([10, 20]);
  });
});
