import { basinHistoryOptions, currentSettlements, monitoringChartOptions } from './ecology-charts';
import { CatalogueEntryDetail, Settlement } from './ecology.models';

const settlement = (period: string, round: number, state: Settlement['state'], index: string | null, deliveredM3?: string): Settlement => ({
  id: `${period}-${round}`, period, round, state, myParty: null, objectionOpen: false, objectionDeadline: '2026-01-01', monitoring: deliveredM3 === undefined ? {} : { deliveredM3 },
  confirmations: { upstream: null, downstream: null }, result: { qualityIndex: index === null ? null : { index, met: Number(index) <= 1 }, lines: [], payer: null, payee: null, amountFen: 0 },
});

describe('monitoringChartOptions', () => {
  it('plots the series by date and draws the minimum threshold as a dashed line', () => {
    const entry = { id: 'e', unit: 'm2', thresholds: { min: '300000000', maxDropShare: null }, series: [{ date: '2024-12-31', value: '310000000' }, { date: '2025-12-31', value: '296000000' }] } as unknown as CatalogueEntryDetail;
    const options = monitoringChartOptions(entry, { series: 'Sand fixation', threshold: 'Minimum' }) as any;
    expect(options.xAxis.data).toEqual(['2024-12-31', '2025-12-31']);
    expect(options.series[0].data).toEqual([310_000_000, 296_000_000]);
    expect(options.series[0].markLine.data).toEqual([{ yAxis: 300_000_000 }]);
    expect(options.series[0].markLine.label.formatter).toBe('Minimum 300000000');
  });

  it('draws no threshold line when the entry has no minimum', () => {
    const entry = { id: 'e', unit: 't', thresholds: { min: null, maxDropShare: '0.15' }, series: [] } as unknown as CatalogueEntryDetail;
    expect((monitoringChartOptions(entry, { series: 's', threshold: 't' }) as any).series[0].markLine).toBeUndefined();
  });
});

describe('basinHistoryOptions', () => {
  it('shows P and the delivered flow (million m³) per period, using the rerun of an objected period', () => {
    const history = [settlement('2024', 1, 'FINAL', '0.7098', '3420000000'), settlement('2025', 1, 'OBJECTED', '0.9350', '955000000'), settlement('2025', 2, 'PENDING_CONFIRMATION', '0.9350', '962000000')];
    expect(currentSettlements(history).map((s) => s.id)).toEqual(['2024-1', '2025-2']);
    const options = basinHistoryOptions(history, { index: 'P', flow: 'Flow' }) as any;
    expect(options.xAxis.data).toEqual(['2024', '2025']);
    expect(options.series[0].data).toEqual([0.7098, 0.935]);
    expect(options.series[1].data).toEqual([3420, 962]);
  });
});
