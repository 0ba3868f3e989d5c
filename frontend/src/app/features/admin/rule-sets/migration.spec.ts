import { gradeCounts, migrationChartOptions, migrationGrades } from './migration';

const migration = { light_green: { deep_green: 1, light_green: 0 }, yellow: { yellow: 2, light_green: 1 } };

describe('grade migration', () => {
  it('orders grades by the rule set’s scale', () => {
    expect(migrationGrades(migration, ['deep_green', 'light_green', 'yellow', 'red'])).toEqual(['deep_green', 'light_green', 'yellow']);
  });

  it('counts subjects per grade before and after', () => {
    expect(gradeCounts(migration, ['deep_green', 'light_green', 'yellow'])).toEqual({ before: [0, 1, 3], after: [1, 1, 2] });
  });

  it('draws both distributions as bars', () => {
    const options = migrationChartOptions(['a', 'b'], { before: [1, 2], after: [2, 1] }, { before: 'Now', after: 'New' }) as { series: { name: string; data: number[] }[] };
    expect(options.series.map((s) => [s.name, s.data])).toEqual([['Now', [1, 2]], ['New', [2, 1]]]);
  });
});
