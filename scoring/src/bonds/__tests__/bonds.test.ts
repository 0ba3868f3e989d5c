import { aggregateImpact } from '../aggregate-impact.js';
import { allocationSummary } from '../allocation-summary.js';
import { shareBp } from '../share-bp.js';
import { BondInputError } from '../bond-input-error.js';
import { groupSum } from '../group-sum.js';
import { lookbackEligible } from '../lookback-eligible.js';

describe('allocationSummary', () => {
  it('totals a 500 million yuan bond with three allocations, one refinancing, and leaves the rest unallocated', () => {
    const summary = allocationSummary(50_000_000_000, [
      { projectId: 'wind', amountFen: 20_000_000_000 },
      { projectId: 'solar', amountFen: 12_500_000_000, refinancing: true },
      { projectId: 'wind', amountFen: 3_333_333_333 },
    ]);
    expect(summary).toEqual({
      proceedsFen: 50_000_000_000,
      allocatedFen: 35_833_333_333,
      unallocatedFen: 14_166_666_667,
      allocatedShareBp: 7167,
      refinancingFen: 12_500_000_000,
      newFinancingFen: 23_333_333_333,
      byProject: [{ projectId: 'wind', amountFen: 23_333_333_333 }, { projectId: 'solar', amountFen: 12_500_000_000 }],
    });
  });

  it('shows a fully allocated bond with nothing unallocated and a share of 10 000 bp', () => {
    expect(allocationSummary(100, [{ projectId: 'a', amountFen: 100 }])).toMatchObject({ allocatedFen: 100, unallocatedFen: 0, allocatedShareBp: 10_000 });
  });

  it('refuses allocations that exceed the proceeds by one fen', () => {
    expect(() => allocationSummary(100, [{ projectId: 'a', amountFen: 101 }])).toThrow(new BondInputError('allocations 101 fen exceed proceeds 100 fen'));
  });
});

describe('shareBp', () => {
  it('rounds an exact half to the even neighbour: 1/20 000 is 0.5 bp → 0, 3/20 000 is 1.5 bp → 2', () => {
    expect(shareBp(1, 20_000)).toBe(0);
    expect(shareBp(3, 20_000)).toBe(2);
  });
  it('is 0 of nothing', () => {
    expect(shareBp(5, 0)).toBe(0);
  });
});

describe('lookbackEligible', () => {
  it('accepts expenditure 36 months before a 2026-03-15 issue, on the earliest day, as refinancing', () => {
    expect(lookbackEligible('2023-03-15', '2026-03-15', 36)).toEqual({ eligible: true, refinancing: true, earliestDate: '2023-03-15' });
  });
  it('refuses expenditure one day before the look-back starts', () => {
    expect(lookbackEligible('2023-03-14', '2026-03-15', 36)).toEqual({ eligible: false, refinancing: true, earliestDate: '2023-03-15' });
  });
  it('treats expenditure on or after the issue date as new financing', () => {
    expect(lookbackEligible('2026-03-15', '2026-03-15', 0)).toEqual({ eligible: true, refinancing: false, earliestDate: '2026-03-15' });
  });
  it('refuses a malformed date', () => {
    expect(() => lookbackEligible('2026-3-15', '2026-03-15', 12)).toThrow(BondInputError);
  });
});

describe('aggregateImpact', () => {
  it('sums each measure over the projects exactly: 0.1 + 0.2 t is 0.3 t', () => {
    expect(aggregateImpact([
      { projectId: 'wind', measures: { co2e_reduced_t: 182_400.1, standard_coal_saved_t: 73_200 } },
      { projectId: 'solar', measures: { co2e_reduced_t: 0.2, so2_reduced_t: 0.1 } },
      { projectId: 'irrigation', measures: { water_saved_m3: 4_650_000, so2_reduced_t: 0.2 } },
    ])).toEqual({ totals: { co2e_reduced_t: 182_400.3, so2_reduced_t: 0.3, standard_coal_saved_t: 73_200, water_saved_m3: 4_650_000 }, projects: 3 });
  });
  it('refuses a negative measure naming the project', () => {
    expect(() => aggregateImpact([{ projectId: 'wind', measures: { nox_reduced_t: -1 } }])).toThrow('wind: nox_reduced_t must be a non-negative number');
  });
  it('refuses a measure with four decimals', () => {
    expect(() => aggregateImpact([{ projectId: 'wind', measures: { nox_reduced_t: 1.2345 } }])).toThrow('wind: nox_reduced_t has more than three decimals');
  });
});

describe('groupSum', () => {
  it('groups loans by bank with counts and fen sums in key order', () => {
    const rows = [{ bank: 'b', fen: 5 }, { bank: 'a', fen: 7 }, { bank: 'b', fen: 11 }];
    expect(groupSum(rows, (r) => r.bank, { balanceFen: (r) => r.fen })).toEqual([
      { key: 'a', count: 1, sums: { balanceFen: 7 } },
      { key: 'b', count: 2, sums: { balanceFen: 16 } },
    ]);
  });
});
