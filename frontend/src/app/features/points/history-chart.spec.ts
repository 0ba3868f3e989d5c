import { historyChartOptions } from './history-chart';

describe('historyChartOptions', () => {
  it('plots points per month end, with a gap where no rule set was in force', () => {
    const options = historyChartOptions(
      [
        { asOf: '2025-12-31', totalCentipoints: null, grade: null },
        { asOf: '2026-10-31', totalCentipoints: 240, grade: 'yellow' },
        { asOf: '2026-11-20', totalCentipoints: 660, grade: 'yellow' },
      ],
      'Points',
    ) as { xAxis: { data: string[] }; series: { name: string; data: (number | null)[] }[] };
    expect(options.xAxis.data).toEqual(['2025-12', '2026-10', '2026-11']);
    expect(options.series[0]!.data).toEqual([null, 2.4, 6.6]);
    expect(options.series[0]!.name).toBe('Points');
  });
});
