import type { EChartsCoreOption } from 'echarts/core';
import { StatisticsRow } from './statistics.models';

/** Bars of balance and new loans (yuan) per row, the default ratio as a line on a second axis (%). */
export function balanceChart(rows: readonly StatisticsRow[], labels: { balance: string; newLoans: string; defaultRatio: string }): EChartsCoreOption {
  return {
    tooltip: { trigger: 'axis' },
    legend: { data: [labels.balance, labels.newLoans, labels.defaultRatio] },
    grid: { left: 64, right: 48, bottom: 48, top: 40 },
    xAxis: { type: 'category', data: rows.map((r) => r.label), axisLabel: { interval: 0, rotate: rows.length > 4 ? 20 : 0 } },
    yAxis: [{ type: 'value', name: '¥' }, { type: 'value', name: '%', max: 100 }],
    series: [
      { name: labels.balance, type: 'bar', data: rows.map((r) => r.balanceFen / 100) },
      { name: labels.newLoans, type: 'bar', data: rows.map((r) => r.newLoansFen / 100) },
      { name: labels.defaultRatio, type: 'line', yAxisIndex: 1, data: rows.map((r) => r.defaultRatioBp / 100) },
    ],
  };
}
