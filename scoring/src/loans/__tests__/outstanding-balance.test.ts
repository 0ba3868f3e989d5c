import { applyRepayment } from '../apply-repayment.js';
import { outstandingBalance } from '../outstanding-balance.js';
import { threeMonthLoan } from './fixtures.js';

describe('outstandingBalance', () => {
  it('shows the principal and the interest accrued so far before anything is due', () => {
    // 15 Jan → 1 Feb is 16 days under 30/360: 3 000 000 × 0.036 × 16/360 = 4 800.
    expect(outstandingBalance(threeMonthLoan(), '2026-02-01')).toMatchObject({ status: 'CURRENT', principalOutstandingFen: 3_000_000, interestAccruedFen: 4_800, penaltyFen: 0, maxDaysPastDue: 0 });
  });

  it('marks an unpaid instalment due on its due date and in grace for the grace days, the loan still current', () => {
    expect(outstandingBalance(threeMonthLoan(), '2026-02-15').instalments[0]).toMatchObject({ status: 'due', daysPastDue: 0 });
    const inGrace = outstandingBalance(threeMonthLoan(), '2026-02-18');
    expect(inGrace.instalments[0]).toMatchObject({ status: 'in_grace', daysPastDue: 3, penaltyFen: 0 });
    expect(inGrace.status).toBe('CURRENT');
  });

  it('marks it overdue after the grace period, with penalty from the due date', () => {
    // 4 days past due: penalty 1 000 000 × 0.0005 × 4 = 2 000; interest accrued: 9 000 due + 2 000 000 × 0.036 × 4/360 = 800.
    const balance = outstandingBalance(threeMonthLoan(), '2026-02-19');
    expect(balance).toMatchObject({ status: 'OVERDUE', maxDaysPastDue: 4, penaltyFen: 2_000, interestAccruedFen: 9_800 });
    expect(balance.overdue).toEqual({ principalFen: 1_000_000, interestFen: 9_000, penaltyFen: 2_000, instalments: 1 });
    expect(balance.instalments.map((i) => i.status)).toEqual(['overdue', 'not_due', 'not_due']);
  });

  it('marks it defaulted when more than defaultAfterDays past due', () => {
    expect(outstandingBalance(threeMonthLoan(), '2026-05-16').status).toBe('OVERDUE'); // 90 days past 15 Feb
    const defaulted = outstandingBalance(threeMonthLoan(), '2026-05-17'); // 91 days
    expect(defaulted.status).toBe('DEFAULTED');
    expect(defaulted.instalments.map((i) => [i.status, i.daysPastDue])).toEqual([
      ['defaulted', 91],
      ['overdue', 63],
      ['overdue', 32],
    ]);
  });

  it('is closed when everything is paid', () => {
    let state = threeMonthLoan();
    for (const [amountFen, date] of [[1_009_000, '2026-02-15'], [1_006_000, '2026-03-15'], [1_003_000, '2026-04-15']] as const) state = applyRepayment(state, { amountFen, date }).state;
    expect(outstandingBalance(state, '2026-04-15')).toMatchObject({ status: 'CLOSED', principalOutstandingFen: 0, interestAccruedFen: 0 });
  });

  it('refuses an asOf that is not a date', () => {
    expect(() => outstandingBalance(threeMonthLoan(), '2026-13-01')).toThrow(expect.objectContaining({ field: 'asOf' }));
  });
});
