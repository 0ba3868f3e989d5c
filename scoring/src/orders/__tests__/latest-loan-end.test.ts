import { latestLoanEnd } from '../latest-loan-end.js';
import { loanEndWithinOrder } from '../loan-end-within-order.js';

describe('latestLoanEnd', () => {
  it('adds the grace days to the payment date across month ends: 2026-04-11 + 90 days is 2026-07-10', () => {
    expect(latestLoanEnd('2026-04-11', 90)).toBe('2026-07-10');
    expect(latestLoanEnd('2028-02-28', 1)).toBe('2028-02-29');
  });
  it('refuses negative grace days', () => {
    expect(() => latestLoanEnd('2026-04-11', -1)).toThrow(expect.objectContaining({ field: 'graceDays' }));
  });
});

describe('loanEndWithinOrder', () => {
  it('allows a loan to end on the last grace day, not one day later', () => {
    expect(loanEndWithinOrder('2026-07-10', '2026-04-11', 90)).toBe(true);
    expect(loanEndWithinOrder('2026-07-11', '2026-04-11', 90)).toBe(false);
  });
});
