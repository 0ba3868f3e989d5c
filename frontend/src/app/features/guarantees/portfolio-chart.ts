import { Portfolio } from './guarantees.models';

/** Chart options: outstanding guarantees against the capacity limit (gauge, % of the limit) and amounts by state (bars, in 10 000 yuan). */
export function portfolioChartOptions(p: Portfolio, labels: { capacity: string; byState: string; state: (s: string) => string }): Record<string, unknown> {
  const used = p.capacityLimitFen ? Math.round((p.outstandingFen * 10_000) / p.capacityLimitFen) / 100 : 0;
  const states = Object.keys(p.byState);
  return {
    tooltip: {},
    series: [
      { type: 'gauge', name: labels.capacity, center: ['25%', '55%'], radius: '70%', min: 0, max: 100, detail: { formatter: '{value}%' }, data: [{ value: used, name: labels.capacity }] },
      { type: 'bar', name: labels.byState, xAxisIndex: 0, yAxisIndex: 0, data: states.map((s) => Math.round(p.byState[s]!.amountFen / 10_000) / 100) },
    ],
    grid: { left: '55%', right: '4%', top: '10%', bottom: '20%' },
    xAxis: { type: 'category', data: states.map(labels.state), axisLabel: { rotate: 40 } },
    yAxis: { type: 'value', name: '万元' },
  };
}
