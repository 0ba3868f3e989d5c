import { stressChartOptions } from './stress-chart';
import { PortfolioStress } from './valuations.models';

const scenario = (id: string, valueFen: number, ltv: number | null) => ({
  id, name: id, description: '', pledges: [], totals: { valueFen, outstandingLoanFen: 340_000_000, ltv, breaches: 0 },
});

describe('stressChartOptions', () => {
  it('plots value and loans in yuan and the LTV in percent, baseline first', () => {
    const stress: PortfolioStress = {
      configVersion: '2026.11.1', valuationDate: '2026-11-29', assets: [],
      baseline: scenario('baseline', 600_000_000, 0.5667), scenarios: [scenario('carbon_price_fall', 360_000_000, 0.9444)],
    };
    const options = stressChartOptions(stress, { value: 'Value', loans: 'Loans', ltv: 'LTV' }) as { xAxis: { data: string[] }; series: { data: (number | null)[] }[] };
    expect(options.xAxis.data).toEqual(['baseline', 'carbon_price_fall']);
    expect(options.series.map((s) => s.data)).toEqual([[6_000_000, 3_600_000], [3_400_000, 3_400_000], [56.67, 94.44]]);
  });
});
