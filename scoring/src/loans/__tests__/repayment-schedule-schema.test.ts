import fc from 'fast-check';
import { applyRepayment } from '../apply-repayment.js';
import { buildRepaymentSchedule } from '../build-repayment-schedule.js';
import { loansAjv } from '../validation/loans-ajv.js';
import { annuityLoan } from './fixtures.js';

const validate = loansAjv.getSchema('https://eco-finance.example/schemas/loans/repayment-schedule.schema.json')!;

describe('schemas/loans/repayment-schedule.schema.json', () => {
  it('accepts every schedule buildRepaymentSchedule builds', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e12 }), fc.integer({ min: 1, max: 40 }), fc.constantFrom('equal_instalment' as const, 'equal_principal' as const), (principalFen, termMonths, method) => {
        const schedule = buildRepaymentSchedule({ principalFen, annualRate: 0.0435, method, frequency: 'monthly', termMonths, disbursementDate: '2026-03-31', dayCount: 'actual_365' });
        expect(validate(schedule)).toBe(true);
      }),
      { numRuns: 50 },
    );
  });

  it('accepts a schedule re-amortised by an early repayment', () => {
    const { state } = applyRepayment(annuityLoan(), { amountFen: 3_000_000, date: '2026-05-01', prepayment: 'shorten_term' });
    expect(validate(state.schedule)).toBe(true);
  });
});
