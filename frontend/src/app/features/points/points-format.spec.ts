import { coveragePercent, formatDelta, formatPoints } from './points-format';

describe('points formatting', () => {
  it('shows centipoints as points with two decimals', () => {
    expect(formatPoints(660)).toBe('6.60');
    expect(formatPoints(5)).toBe('0.05');
    expect(formatPoints(-60)).toBe('-0.60');
    expect(formatPoints(null)).toBe('—');
  });

  it('signs ledger changes', () => {
    expect(formatDelta(120)).toBe('+1.20');
    expect(formatDelta(-300)).toBe('-3.00');
    expect(formatDelta(0)).toBe('0.00');
  });

  it('turns coverage basis points into whole percent', () => {
    expect(coveragePercent(666)).toBe(6);
    expect(coveragePercent(10000)).toBe(100);
  });
});
