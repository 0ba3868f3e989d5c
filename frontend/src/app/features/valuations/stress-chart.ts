import type { EChartsCoreOption } from 'echarts/core';
import { PortfolioStress } from './valuations.models';

/** Bars: collateral value and outstanding loans per scenario (yuan); the line: portfolio LTV (%). */
export function stressChartOptions(stress: PortfolioStress, labels: { value: string; loans: string; ltv: string }): EChartsCoreOption {
  const scenarios = [stress.baseline, ...stress.scenarios];
  return {
    tooltip: { trigger: 'axis' },
    legend: { data: [labels.value, labels.loans, labels.ltv] },
    grid: { left: 72, right: 56, bottom: 48 },
    xAxis: { type: 'category', data: scenarios.map((s) => s.name), axisLabel: { interval: 0, rotate: 12 } },
    yAxis: [{ type: 'value', name: '¥' }, { type: 'value', name: '%', max: 150 }],
    series: [
      { name: labels.value, type: 'bar', data: scenarios.map((s) => s.totals.valueFen / 100) },
      { name: labels.loans, type: 'bar', data: scenarios.map((s) => s.totals.outstandingLoanFen / 100) },
      { name: labels.ltv, type: 'line', yAxisIndex: 1, data: scenarios.map((s) => (s.totals.ltv === null ? null : Math.round(s.totals.ltv * 10_000) / 100)) },
    ],
  };
}
