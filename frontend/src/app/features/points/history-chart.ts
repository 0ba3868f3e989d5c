import type { EChartsCoreOption } from 'echarts/core';
import { HistoryPoint } from './points.models';

/** Line chart of points at each month end (points, not centipoints); months without a rule set are gaps. */
export function historyChartOptions(history: readonly HistoryPoint[], seriesName: string): EChartsCoreOption {
  return {
    grid: { left: 48, right: 16, top: 24, bottom: 32 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: history.map((h) => h.asOf.slice(0, 7)) },
    yAxis: { type: 'value' },
    series: [
      {
        name: seriesName,
        type: 'line',
        smooth: true,
        areaStyle: { opacity: 0.15 },
        itemStyle: { color: '#2e6b3f' },
        data: history.map((h) => (h.totalCentipoints === null ? null : h.totalCentipoints / 100)),
      },
    ],
  };
}
