import { portfolioChartOptions } from './portfolio-chart';
import { Portfolio } from './guarantees.models';

describe('portfolioChartOptions', () => {
  it('draws outstanding as a share of the capacity limit and amounts by state in 10 000 yuan', () => {
    const p = {
      outstandingFen: 112_500_000_000, capacityLimitFen: 450_000_000_000,
      byState: { IN_FORCE: { count: 2, amountFen: 40_000_000 }, COMPENSATED: { count: 1, amountFen: 8_000_000 } },
    } as unknown as Portfolio;
    const options = portfolioChartOptions(p, { capacity: 'Capacity', byState: 'By state', state: (s) => s.toLowerCase() }) as { series: { data: unknown[] }[]; xAxis: { data: string[] } };
    expect(options.series[0]!.data).toEqual([{ value: 25, name: 'Capacity' }]);
    expect(options.series[1]!.data).toEqual([40, 8]);
    expect(options.xAxis.data).toEqual(['in_force', 'compensated']);
  });
});
