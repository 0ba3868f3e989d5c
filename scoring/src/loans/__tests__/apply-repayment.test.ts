import fc from 'fast-check';
import { applyRepayment } from '../apply-repayment.js';
import type { LoanState } from '../types.js';
import { annuityLoan, threeMonthLoan } from './fixtures.js';

function paidFirst(): LoanState {
  return applyRepayment(threeMonthLoan(), { amountFen: 1_009_000, date: '2026-02-15' }).state;
}

describe('applyRepayment', () => {
  it('settles an instalment paid in full on its due date: interest first, then principal', () => {
    const result = applyRepayment(threeMonthLoan(), { amountFen: 1_009_000, date: '2026-02-15' });
    expect(result.lines).toEqual([
      { instalment: 1, component: 'interest', amountFen: 9_000 },
      { instalment: 1, component: 'principal', amountFen: 1_000_000 },
    ]);
    expect(result).toMatchObject({ appliedFen: 1_009_000, unappliedFen: 0 });
    expect(result.outstanding).toMatchObject({ status: 'CURRENT', principalOutstandingFen: 2_000_000, interestAccruedFen: 0 });
  });

  it('applies a partial payment to interest before principal', () => {
    const result = applyRepayment(threeMonthLoan(), { amountFen: 5_000, date: '2026-02-15' });
    expect(result.lines).toEqual([{ instalment: 1, component: 'interest', amountFen: 5_000 }]);
    expect(result.outstanding.instalments[0]).toMatchObject({ status: 'due', unpaidPrincipalFen: 1_000_000, unpaidInterestFen: 4_000 });
  });

  it('charges penalty interest on overdue principal past the grace period, before interest and principal', () => {
    // 10 days late (> 3 grace days): penalty 1 000 000 × 0.0005 × 10 = 5 000. 1 009 000 pays penalty 5 000,
    // interest 9 000 and principal 995 000, leaving 5 000 of instalment 1 overdue.
    const result = applyRepayment(threeMonthLoan(), { amountFen: 1_009_000, date: '2026-02-25' });
    expect(result.lines).toEqual([
      { instalment: 1, component: 'penalty', amountFen: 5_000 },
      { instalment: 1, component: 'interest', amountFen: 9_000 },
      { instalment: 1, component: 'principal', amountFen: 995_000 },
    ]);
    expect(result.outstanding).toMatchObject({ status: 'OVERDUE', maxDaysPastDue: 10, overdue: { principalFen: 5_000, interestFen: 0, penaltyFen: 0, instalments: 1 } });
  });

  it('waives the penalty of an instalment settled within the grace period', () => {
    const result = applyRepayment(threeMonthLoan(), { amountFen: 1_009_000, date: '2026-02-17' });
    expect(result.lines.map((l) => l.component)).toEqual(['interest', 'principal']);
    expect(result.state.paid[0]).toMatchObject({ penaltyAccruedFen: 0, penaltyFen: 0 });
    expect(result.outstanding.status).toBe('CURRENT');
  });

  it('charges penalty only on the principal still unpaid on each day', () => {
    // Pays interest 9 000 + principal 400 000 on day 2 (in grace, no penalty yet), then the rest on day 10:
    // penalty = 1 000 000 × 0.0005 × 2 = 1 000 (15→17 Feb) + 600 000 × 0.0005 × 8 = 2 400 (17→25 Feb) = 3 400.
    const first = applyRepayment(threeMonthLoan(), { amountFen: 409_000, date: '2026-02-17' });
    const second = applyRepayment(first.state, { amountFen: 603_400, date: '2026-02-25' });
    expect(second.lines).toEqual([
      { instalment: 1, component: 'penalty', amountFen: 3_400 },
      { instalment: 1, component: 'principal', amountFen: 600_000 },
    ]);
    expect(second.outstanding.status).toBe('CURRENT');
  });

  it('treats an overpayment as early repayment: accrued interest to date, then principal, same term and lower instalments', () => {
    // 1 Mar is 16 days into period 2 under 30/360: accrued 2 000 000 × 0.036 × 16/360 = 3 200.
    // 1 000 000 pays 3 200 interest and 996 800 principal; 1 003 200 left over 2 instalments: 501 600 each.
    // Instalment 2: 996 800 + 501 600 = 1 498 400 principal; interest 3 200 + 1 003 200 × 0.036 × 14/360 (1 404.48 → 1 404) = 4 604.
    // Instalment 3: 501 600 × 0.003 = 1 504.8 → 1 505.
    const result = applyRepayment(paidFirst(), { amountFen: 1_000_000, date: '2026-03-01' });
    expect(result.lines).toEqual([
      { instalment: 2, component: 'accrued_interest', amountFen: 3_200 },
      { instalment: 2, component: 'early_principal', amountFen: 996_800 },
    ]);
    expect(result.state.schedule.instalments.slice(1)).toEqual([
      { number: 2, dueDate: '2026-03-15', days: 30, openingPrincipalFen: 2_000_000, principalFen: 1_498_400, interestFen: 4_604, totalFen: 1_503_004, closingPrincipalFen: 501_600 },
      { number: 3, dueDate: '2026-04-15', days: 30, openingPrincipalFen: 501_600, principalFen: 501_600, interestFen: 1_505, totalFen: 503_105, closingPrincipalFen: 0 },
    ]);
    expect(result.state.schedule.totals.principalFen).toBe(3_000_000);
    expect(result.outstanding).toMatchObject({ principalOutstandingFen: 1_003_200, interestAccruedFen: 0 });
    expect(result.state.schedule.convention).toContain('Early repayment on 2026-03-01');
  });

  it('shortens the term instead when asked: the level principal stays 1 000 000 and instalment 3 disappears', () => {
    // 2 000 000 pays 3 200 accrued interest and 1 996 800 principal; 3 200 left fits in one instalment of ≤ 1 000 000.
    // Instalment 2: principal 1 996 800 + 3 200 = 2 000 000, interest 3 200 + 3 200 × 0.036 × 14/360 (4.48 → 4) = 3 204.
    const result = applyRepayment(paidFirst(), { amountFen: 2_000_000, date: '2026-03-01', prepayment: 'shorten_term' });
    expect(result.state.schedule.instalments.map((i) => [i.number, i.principalFen, i.interestFen])).toEqual([
      [1, 1_000_000, 9_000],
      [2, 2_000_000, 3_204],
    ]);
    expect(result.state.schedule.maturityDate).toBe('2026-03-15');
    expect(result.outstanding.principalOutstandingFen).toBe(3_200);
  });

  it('returns what exceeds the whole debt as unapplied and closes the loan', () => {
    const result = applyRepayment(paidFirst(), { amountFen: 5_000_000, date: '2026-03-01' });
    expect(result.lines).toEqual([
      { instalment: 2, component: 'accrued_interest', amountFen: 3_200 },
      { instalment: 2, component: 'early_principal', amountFen: 2_000_000 },
      { instalment: null, component: 'unapplied', amountFen: 2_996_800 },
    ]);
    expect(result).toMatchObject({ appliedFen: 2_003_200, unappliedFen: 2_996_800 });
    expect(result.outstanding).toMatchObject({ status: 'CLOSED', principalOutstandingFen: 0, interestAccruedFen: 0 });
  });

  it('shortens an annuity keeping its level instalment, the last one smaller', () => {
    const start = annuityLoan();
    const level = start.schedule.levelInstalmentFen!;
    const result = applyRepayment(start, { amountFen: 5_000_000, date: '2026-04-10', prepayment: 'shorten_term' });
    const rows = result.state.schedule.instalments;
    expect(rows.length).toBeLessThan(24);
    // Instalment 1 was due that day; instalment 2 carries the early principal; from instalment 3 on, the level instalment.
    expect(rows.slice(2, -1).every((r) => r.totalFen === level)).toBe(true);
    expect(rows[rows.length - 1]!.totalFen).toBeLessThanOrEqual(level);
    expect(result.state.schedule.totals.principalFen).toBe(10_000_000);
  });

  it('lowers an annuity instalment over the same term', () => {
    const start = annuityLoan();
    const result = applyRepayment(start, { amountFen: 5_000_000, date: '2026-04-10' });
    expect(result.state.schedule.instalments).toHaveLength(24);
    expect(result.state.schedule.levelInstalmentFen).toBeLessThan(start.schedule.levelInstalmentFen!);
  });

  it('refuses payments out of date order or before disbursement, naming the field', () => {
    const later = applyRepayment(threeMonthLoan(), { amountFen: 100, date: '2026-02-15' }).state;
    expect(() => applyRepayment(later, { amountFen: 100, date: '2026-02-14' })).toThrow(expect.objectContaining({ field: 'date' }));
    expect(() => applyRepayment(threeMonthLoan(), { amountFen: 100, date: '2026-01-01' })).toThrow(expect.objectContaining({ field: 'date' }));
    expect(() => applyRepayment(threeMonthLoan(), { amountFen: 0, date: '2026-02-15' })).toThrow(expect.objectContaining({ field: 'amountFen', message: 'repayment: amountFen must be >= 1' }));
  });

  it('applying a payment in parts on one day equals applying it whole (property)', () => {
    const dates = ['2026-02-15', '2026-02-17', '2026-02-25', '2026-03-01', '2026-03-15', '2026-06-01'];
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 4_000_000 }), fc.double({ min: 0.01, max: 0.99, noNaN: true }), fc.constantFrom(...dates), fc.constantFrom('reduce_instalment' as const, 'shorten_term' as const), (amount, share, date, prepayment) => {
        const part = Math.max(1, Math.min(amount - 1, Math.floor(amount * share)));
        const whole = applyRepayment(threeMonthLoan(), { amountFen: amount, date, prepayment });
        const first = applyRepayment(threeMonthLoan(), { amountFen: part, date, prepayment });
        const second = applyRepayment(first.state, { amountFen: amount - part, date, prepayment });
        expect(second.state.paid).toEqual(whole.state.paid);
        expect(second.state.schedule.instalments).toEqual(whole.state.schedule.instalments);
        expect(second.outstanding).toEqual(whole.outstanding);
        expect(first.appliedFen + second.appliedFen).toBe(whole.appliedFen);
      }),
      { numRuns: 200 },
    );
  });

  it('keeps principal parts summing to the loan and nothing outstanding negative over any payments (property)', () => {
    const payment = fc.record({ amountFen: fc.integer({ min: 1, max: 4_000_000 }), offsetDays: fc.integer({ min: 0, max: 40 }), prepayment: fc.constantFrom('reduce_instalment' as const, 'shorten_term' as const) });
    fc.assert(
      fc.property(fc.array(payment, { minLength: 1, maxLength: 6 }), (payments) => {
        let state = annuityLoan();
        let day = Date.UTC(2026, 2, 10);
        for (const p of payments) {
          day += p.offsetDays * 86_400_000;
          const result = applyRepayment(state, { amountFen: p.amountFen, date: new Date(day).toISOString().slice(0, 10), prepayment: p.prepayment });
          state = result.state;
          expect(result.appliedFen + result.unappliedFen).toBe(p.amountFen);
          expect(result.lines.reduce((s, l) => s + l.amountFen, 0)).toBe(p.amountFen);
          expect(state.schedule.totals.principalFen).toBe(10_000_000);
          expect(result.outstanding.principalOutstandingFen).toBeGreaterThanOrEqual(0);
          for (const [i, row] of state.schedule.instalments.entries()) {
            expect(row.closingPrincipalFen).toBe(row.openingPrincipalFen - row.principalFen);
            expect(row.closingPrincipalFen).toBeGreaterThanOrEqual(0);
            expect(state.paid[i]!.principalFen).toBeLessThanOrEqual(row.principalFen);
            expect(state.paid[i]!.interestFen).toBeLessThanOrEqual(row.interestFen);
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});
