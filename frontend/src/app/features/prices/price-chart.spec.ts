import { priceChartOptions } from './price-chart';

describe('priceChartOptions', () => {
  it('plots the series by date in yuan with its unit on the axis', () => {
    const options = priceChartOptions([
      { reference: 'carbon:CEA', date: '2026-11-27', priceFen: 6_200, unit: 'yuan/tCO2e', source: 'x' },
      { reference: 'carbon:CEA', date: '2026-11-30', priceFen: 5_950, unit: 'yuan/tCO2e', source: 'x' },
    ]) as { xAxis: { data: string[] }; yAxis: { name: string }; series: { data: number[]; name: string }[] };
    expect(options.xAxis.data).toEqual(['2026-11-27', '2026-11-30']);
    expect(options.yAxis.name).toBe('yuan/tCO2e');
    expect(options.series[0]).toMatchObject({ name: 'carbon:CEA', data: [62, 59.5] });
  });
});
