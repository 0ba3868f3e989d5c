import type { EChartsCoreOption } from 'echarts/core';
import { Price } from './prices.api';

/** One price series over time, in yuan per unit (fen ÷ 100 for display only). */
export function priceChartOptions(prices: readonly Price[]): EChartsCoreOption {
  const unit = prices[0]?.unit ?? '';
  return {
    tooltip: { trigger: 'axis' },
    grid: { left: 64, right: 24, bottom: 40 },
    xAxis: { type: 'category', data: prices.map((p) => p.date) },
    yAxis: { type: 'value', name: unit, scale: true },
    series: [{ type: 'line', name: prices[0]?.reference ?? '', showSymbol: false, data: prices.map((p) => p.priceFen / 100) }],
  };
}
