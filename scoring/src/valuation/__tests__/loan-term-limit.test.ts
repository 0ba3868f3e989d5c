import { loanTermLimit } from '../loan-term-limit.js';

describe('loanTermLimit', () => {
  it('is the shorter of the policy maximum and the remaining right', () => {
    expect(loanTermLimit(5, 3, undefined)).toEqual({ maxTermYears: 3, warnings: [] });
    expect(loanTermLimit(5, 9, 5)).toEqual({ maxTermYears: 5, warnings: [] });
  });

  it('warns when the right’s term is unknown', () => {
    expect(loanTermLimit(10, null, undefined).warnings.map((w) => w.code)).toEqual(['RIGHT_TERM_UNKNOWN']);
  });

  it('warns about a term beyond the right and beyond the policy', () => {
    expect(loanTermLimit(5, 3, 6).warnings.map((w) => w.code)).toEqual(['LOAN_TERM_BEYOND_RIGHT', 'LOAN_TERM_BEYOND_POLICY']);
  });
});
