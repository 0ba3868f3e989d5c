import fc from 'fast-check';
import { buildRepaymentSchedule } from '../build-repayment-schedule.js';
import type { ScheduleRequest } from '../types.js';

const annuity: ScheduleRequest = { principalFen: 12_000_000, annualRate: 0.036, method: 'equal_instalment', frequency: 'monthly', termMonths: 12, disbursementDate: '2026-01-15', dayCount: '30_360' };

describe('buildRepaymentSchedule', () => {
  it('repays 120 000 yuan at 3.6 % over 12 months by a level instalment of 10 196.07 yuan', () => {
    // r = 0.036 / 12 = 0.003; (1 + r)^12 = 1.03659998…; A = P·r·(1+r)^12 / ((1+r)^12 − 1)
    //   = 12 000 000 × 0.003 × 1.0366 / 0.0366 = 1 019 607.087… → 1 019 607 fen.
    // Row 1 (30/360: 30 days): interest 12 000 000 × 0.036 × 30/360 = 36 000; principal 1 019 607 − 36 000 = 983 607.
    // Row 2: interest 11 016 393 × 0.003 = 33 049.179 → 33 049; principal 986 558.
    // Row 12 repays what is left, 1 016 558, with interest 3 049.674 → 3 050: total 1 019 608 (absorbs rounding).
    const schedule = buildRepaymentSchedule(annuity);
    expect(schedule.levelInstalmentFen).toBe(1_019_607);
    expect(schedule.periodicRate).toBe('0.003');
    expect(schedule.instalments[0]).toEqual({ number: 1, dueDate: '2026-02-15', days: 30, openingPrincipalFen: 12_000_000, principalFen: 983_607, interestFen: 36_000, totalFen: 1_019_607, closingPrincipalFen: 11_016_393 });
    expect(schedule.instalments[1]).toMatchObject({ openingPrincipalFen: 11_016_393, principalFen: 986_558, interestFen: 33_049, totalFen: 1_019_607 });
    expect(schedule.instalments[11]).toEqual({ number: 12, dueDate: '2027-01-15', days: 30, openingPrincipalFen: 1_016_558, principalFen: 1_016_558, interestFen: 3_050, totalFen: 1_019_608, closingPrincipalFen: 0 });
    expect(schedule.totals).toEqual({ principalFen: 12_000_000, interestFen: 235_285, totalFen: 12_235_285 });
    expect(schedule).toMatchObject({ maturityDate: '2027-01-15', firstDueDate: '2026-02-15', rounding: 'half-even', levelPrincipalFen: null });
  });

  it('repays equal principal quarterly with actual/365 interest on the declining balance', () => {
    // 1 000 000 fen at 3.65 %, four quarters from 31 January: due 30 Apr (89 days), 31 Jul, 31 Oct, 31 Jan (92 days each).
    // Principal 1 000 000 / 4 = 250 000 a quarter. Interest = opening × 0.0365 × days / 365 = opening × days / 10 000:
    //   1 000 000 × 89 / 10 000 = 8 900; 750 000 × 92 / 10 000 = 6 900; 500 000 × 92 / 10 000 = 4 600; 250 000 × 92 / 10 000 = 2 300.
    const schedule = buildRepaymentSchedule({ principalFen: 1_000_000, annualRate: 0.0365, method: 'equal_principal', frequency: 'quarterly', termMonths: 12, disbursementDate: '2026-01-31', dayCount: 'actual_365' });
    expect(schedule.instalments.map((i) => [i.dueDate, i.days, i.principalFen, i.interestFen, i.totalFen])).toEqual([
      ['2026-04-30', 89, 250_000, 8_900, 258_900],
      ['2026-07-31', 92, 250_000, 6_900, 256_900],
      ['2026-10-31', 92, 250_000, 4_600, 254_600],
      ['2027-01-31', 92, 250_000, 2_300, 252_300],
    ]);
    expect(schedule.totals).toEqual({ principalFen: 1_000_000, interestFen: 22_700, totalFen: 1_022_700 });
    expect(schedule).toMatchObject({ levelPrincipalFen: 250_000, levelInstalmentFen: null, periodicRate: '0.009125' });
  });

  it('accrues actual/360 interest on the actual days of each month, due dates clamped to month ends', () => {
    // Disbursed 31 Jan: due 28 Feb (28 days), 31 Mar (31), 30 Apr (30). Equal principal 300 000 / 3 = 100 000.
    // Interest at 7.2 %: 300 000 × 0.072 × 28/360 = 1 680; 200 000 × 0.072 × 31/360 = 1 240; 100 000 × 0.072 × 30/360 = 600.
    const schedule = buildRepaymentSchedule({ principalFen: 300_000, annualRate: 0.072, method: 'equal_principal', frequency: 'monthly', termMonths: 3, disbursementDate: '2026-01-31', dayCount: 'actual_360' });
    expect(schedule.instalments.map((i) => [i.dueDate, i.days, i.interestFen])).toEqual([
      ['2026-02-28', 28, 1_680],
      ['2026-03-31', 31, 1_240],
      ['2026-04-30', 30, 600],
    ]);
  });

  it('starts from a given first due date and keeps its day of month; the first period is longer', () => {
    // 10 Mar → 20 Apr is 41 days: 600 000 × 0.036 × 41/360 = 2 460.
    const schedule = buildRepaymentSchedule({ principalFen: 600_000, annualRate: 0.036, method: 'equal_principal', frequency: 'monthly', termMonths: 3, disbursementDate: '2026-03-10', firstDueDate: '2026-04-20', dayCount: 'actual_360' });
    expect(schedule.instalments.map((i) => [i.dueDate, i.days, i.interestFen])).toEqual([
      ['2026-04-20', 41, 2_460],
      ['2026-05-20', 30, 1_200],
      ['2026-06-20', 31, 620],
    ]);
  });

  it('divides the principal evenly at a zero rate, the last instalment taking the odd fen', () => {
    const schedule = buildRepaymentSchedule({ principalFen: 1_000, annualRate: 0, method: 'equal_instalment', frequency: 'monthly', termMonths: 3, disbursementDate: '2026-01-01', dayCount: 'actual_365' });
    expect(schedule.instalments.map((i) => i.totalFen)).toEqual([333, 333, 334]);
  });

  it('never lets a principal part go negative, even for 5 fen over 120 months', () => {
    const schedule = buildRepaymentSchedule({ principalFen: 5, annualRate: 0.05, method: 'equal_principal', frequency: 'monthly', termMonths: 120, disbursementDate: '2026-01-01', dayCount: 'actual_365' });
    expect(schedule.instalments.every((i) => i.principalFen >= 0 && i.closingPrincipalFen >= 0)).toBe(true);
    expect(schedule.totals.principalFen).toBe(5);
  });

  it('describes its rules in the convention text', () => {
    expect(buildRepaymentSchedule(annuity).convention).toContain('r = annualRate / 12');
    expect(buildRepaymentSchedule(annuity).convention).toContain('30/360 bond basis');
  });

  it.each([
    [{ principalFen: -1 }, 'principalFen', 'schedule request: principalFen must be >= 1'],
    [{ principalFen: 0.5 }, 'principalFen', 'schedule request: principalFen must be integer'],
    [{ annualRate: 1.5 }, 'annualRate', 'schedule request: annualRate must be <= 1'],
    [{ termMonths: 0 }, 'termMonths', 'schedule request: termMonths must be >= 1'],
    [{ frequency: 'quarterly', termMonths: 10 }, 'termMonths', 'schedule request: termMonths must be a multiple of 3 for quarterly repayment, got 10'],
    [{ firstDueDate: '2026-01-15' }, 'firstDueDate', 'schedule request: firstDueDate 2026-01-15 must be after disbursementDate 2026-01-15'],
    [{ disbursementDate: '2026-02-30' }, 'disbursementDate', 'schedule request: disbursementDate must match format "date"'],
    [{ method: 'balloon' }, 'method', 'schedule request: method must be equal to one of the allowed values: equal_instalment, equal_principal'],
    [{ graceMonths: 3 }, 'graceMonths', 'schedule request: graceMonths must NOT have additional properties (unknown field)'],
  ])('refuses %j naming the field', (change, field, message) => {
    expect(() => buildRepaymentSchedule({ ...annuity, ...change })).toThrow(expect.objectContaining({ code: 'LOAN_INPUT_INVALID', field, message }));
  });

  it('adds the principal parts up to the principal exactly, with no balance ever negative (property)', () => {
    const request = fc.record({
      principalFen: fc.integer({ min: 1, max: 10_000_000_000 }),
      annualRate: fc.integer({ min: 0, max: 2_400 }).map((bp) => bp / 10_000),
      method: fc.constantFrom('equal_instalment' as const, 'equal_principal' as const),
      frequency: fc.constantFrom('monthly' as const, 'quarterly' as const),
      periods: fc.integer({ min: 1, max: 40 }),
      disbursementDate: fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
      dayCount: fc.constantFrom('actual_360' as const, 'actual_365' as const, '30_360' as const),
    });
    fc.assert(
      fc.property(request, ({ periods, ...r }) => {
        const schedule = buildRepaymentSchedule({ ...r, termMonths: periods * (r.frequency === 'monthly' ? 1 : 3) });
        expect(schedule.totals.principalFen).toBe(r.principalFen);
        expect(schedule.instalments[schedule.instalments.length - 1]!.closingPrincipalFen).toBe(0);
        for (const i of schedule.instalments) {
          expect(i.principalFen).toBeGreaterThanOrEqual(0);
          expect(i.closingPrincipalFen).toBe(i.openingPrincipalFen - i.principalFen);
          expect(i.closingPrincipalFen).toBeGreaterThanOrEqual(0);
          expect(i.totalFen).toBe(i.principalFen + i.interestFen);
        }
      }),
      { numRuns: 200 },
    );
  });
});
