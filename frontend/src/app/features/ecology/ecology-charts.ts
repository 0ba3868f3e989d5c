import { CatalogueEntryDetail, Settlement } from './ecology.models';

/** Chart options: an indicator's monitoring series (line) with its minimum threshold as a dashed line. */
export function monitoringChartOptions(entry: CatalogueEntryDetail, labels: { series: string; threshold: string }): Record<string, unknown> {
  const min = entry.thresholds?.min ?? null;
  return {
    tooltip: { trigger: 'axis' },
    legend: { data: [labels.series] },
    grid: { left: '10%', right: '4%', top: '14%', bottom: '12%' },
    xAxis: { type: 'category', data: entry.series.map((o) => o.date) },
    yAxis: { type: 'value', name: entry.unit, scale: true },
    series: [{
      type: 'line', name: labels.series, data: entry.series.map((o) => Number(o.value)),
      ...(min === null ? {} : { markLine: { symbol: 'none', lineStyle: { type: 'dashed', color: '#ba1a1a' }, label: { formatter: `${labels.threshold} ${min}` }, data: [{ yAxis: Number(min) }] } }),
    }],
  };
}

/** The settlement of each period that counts: the last round that was not objected, else the last round. */
export function currentSettlements(settlements: readonly Settlement[]): Settlement[] {
  const byPeriod = new Map<string, Settlement>();
  for (const s of [...settlements].sort((a, b) => a.round - b.round)) {
    const kept = byPeriod.get(s.period);
    if (!kept || s.state !== 'OBJECTED' || kept.state === 'OBJECTED') byPeriod.set(s.period, s);
  }
  return [...byPeriod.values()].sort((a, b) => a.period.localeCompare(b.period));
}

/** Chart options: a basin's history — water-quality index P (line, with the P = 1 line) and delivered ecological flow in million m³ (bars). */
export function basinHistoryOptions(settlements: readonly Settlement[], labels: { index: string; flow: string }): Record<string, unknown> {
  const rows = currentSettlements(settlements);
  return {
    tooltip: { trigger: 'axis' },
    legend: { data: [labels.index, labels.flow] },
    grid: { left: '8%', right: '10%', top: '16%', bottom: '12%' },
    xAxis: { type: 'category', data: rows.map((s) => s.period) },
    yAxis: [{ type: 'value', name: 'P', min: 0 }, { type: 'value', name: labels.flow, position: 'right' }],
    series: [
      {
        type: 'line', name: labels.index, yAxisIndex: 0, data: rows.map((s) => (s.result.qualityIndex ? Number(s.result.qualityIndex.index) : null)),
        markLine: { symbol: 'none', lineStyle: { type: 'dashed' }, data: [{ yAxis: 1 }] },
      },
      { type: 'bar', name: labels.flow, yAxisIndex: 1, data: rows.map((s) => (s.monitoring.deliveredM3 === undefined ? null : Math.round(Number(s.monitoring.deliveredM3) / 10_000) / 100)) },
    ],
  };
}
