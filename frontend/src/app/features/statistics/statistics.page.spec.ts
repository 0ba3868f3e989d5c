import { Directive, input } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { NgxEchartsDirective } from 'ngx-echarts';
import { setUpBondsTestBed } from '../bonds/bonds-testing';
import { balanceChart } from './statistics-chart';
import { StatisticsPage } from './statistics.page';
import { GreenFinanceStatistics } from './statistics.models';

const row = (key: string, label: string, balanceFen: number, defaultRatioBp: number) => ({ key, label, loans: 1, balanceFen, newLoansFen: 0, weightedRateBp: 395, overdueRatioBp: 0, defaultRatioBp });

const stats: GreenFinanceStatistics = {
  scope: { kind: 'all' }, asOf: '2026-11-29',
  quarter: { quarter: '2026Q4', from: '2026-10-01', to: '2026-12-31', greenBalanceFen: 27_182_743, totalBalanceFen: 27_182_743, greenShareBp: 10_000, newGreenLoansFen: 15_000_000, previousQuarterNewGreenLoansFen: 10_000_000, growthBp: 5_000, riskBalanceFen: 18_000_000, riskShareBp: 6_622 },
  totals: { loans: 5, balanceFen: 27_182_743, newLoansFen: 15_000_000, weightedRateBp: 395, overdueRatioBp: 3_679, defaultRatioBp: 2_943 },
  byCategory: [row('1', '节能环保产业', 10_000_000, 0), row('4', '生态环境产业', 17_182_743, 4_656)],
  byUse: [], byIndustry: [], byPrefecture: [], bySize: [],
  byBank: [row('t', '塔里木农村商业银行', 19_182_743, 0), row('b', '博斯腾湖商业银行', 8_000_000, 10_000)],
  bonds: { byState: [], proceedsFen: 107_000_000_000, allocatedFen: 81_500_000_000, unallocatedFen: 25_500_000_000, allocatedShareBp: 7_617, publishedBenefits: { co2e_reduced_t: 316_416.5 }, publishedReports: 1 },
  timing: { loansMs: 12, totalMs: 30 },
};

/** jsdom has no canvas: the chart directive is replaced by one that only takes the options. */
@Directive({ selector: '[echarts]' })
class ChartStub {
  readonly options = input<unknown>();
}

function setUp() {
  TestBed.overrideComponent(StatisticsPage, { remove: { imports: [NgxEchartsDirective] }, add: { imports: [ChartStub] } });
  return setUpBondsTestBed(['statistics.read']);
}

describe('StatisticsPage', () => {
  it('lists settled ecological-rights trades by right and month', async () => {
    const http = setUp();
    const fixture = TestBed.createComponent(StatisticsPage);
    await fixture.whenStable();
    http.expectOne('/api/statistics/green-finance').flush({ ...stats, trading: [{ assetType: 'emission_right', month: '2026-11', unit: 't', trades: 1, quantity: 25, valueFen: 20_125_000 }] });
    await fixture.whenStable();
    const el: HTMLElement = fixture.nativeElement;
    const cells = Array.from(el.querySelectorAll('[data-testid="statistics-trade-row"] td')).map((td) => td.textContent!.trim());
    expect(cells).toEqual(['emission_right', '2026-11', '1', '25 t', '¥201,250.00']);
  });

  it('shows no trades section for a bank (trading is null)', async () => {
    const http = setUp();
    const fixture = TestBed.createComponent(StatisticsPage);
    await fixture.whenStable();
    http.expectOne('/api/statistics/green-finance').flush({ ...stats, trading: null });
    await fixture.whenStable();
    expect((fixture.nativeElement as HTMLElement).querySelector('[data-testid="statistics-trades"]')).toBeNull();
  });

  it('shows the quarterly evaluation and switches the table between dimensions', async () => {
    const http = setUp();
    const fixture = TestBed.createComponent(StatisticsPage);
    await fixture.whenStable();
    http.expectOne('/api/statistics/green-finance').flush(stats);
    await fixture.whenStable();
    const el: HTMLElement = fixture.nativeElement;
    expect(el.querySelector('[data-testid="stat-green-balance"]')!.textContent!.trim()).toBe('¥271,827.43');
    expect(el.querySelector('[data-testid="stat-growth"]')!.textContent!.trim()).toBe('50.00%');
    expect(el.querySelector('[data-testid="stat-risk-share"]')!.textContent!.trim()).toBe('66.22%');
    expect(Array.from(el.querySelectorAll('[data-testid="statistics-row"]')).map((r) => r.getAttribute('data-key'))).toEqual(['1', '4']);
    el.querySelector<HTMLButtonElement>('[data-testid="statistics-dim-byBank"]')!.click();
    await fixture.whenStable();
    const rows = Array.from(el.querySelectorAll('[data-testid="statistics-row"]'));
    expect(rows.map((r) => r.textContent)).toEqual([expect.stringContaining('塔里木农村商业银行'), expect.stringContaining('博斯腾湖商业银行')]);
    expect(rows[1]!.textContent).toContain('100.00%');
    expect(el.querySelector('[data-testid="statistics-bonds"]')!.textContent).toContain('76.17%');
  });

  it('downloads the CSV for the quarter shown', async () => {
    const http = setUp();
    const fixture = TestBed.createComponent(StatisticsPage);
    await fixture.whenStable();
    http.expectOne('/api/statistics/green-finance').flush(stats);
    await fixture.whenStable();
    URL.createObjectURL = jest.fn(() => 'blob:csv');
    URL.revokeObjectURL = jest.fn();
    fixture.nativeElement.querySelector('[data-testid="statistics-export-csv"]').click();
    const req = http.expectOne('/api/statistics/green-finance.csv?quarter=2026Q4');
    expect(req.request.responseType).toBe('blob');
    req.flush(new Blob(['dimension,key\n']));
    expect(URL.createObjectURL).toHaveBeenCalledTimes(1);
  });
  it('downloads one chosen table as CSV, and the whole dashboard as PDF', async () => {
    const http = setUp();
    const fixture = TestBed.createComponent(StatisticsPage);
    await fixture.whenStable();
    http.expectOne('/api/statistics/green-finance').flush(stats);
    await fixture.whenStable();
    URL.createObjectURL = jest.fn(() => 'blob:csv');
    URL.revokeObjectURL = jest.fn();
    const el = fixture.nativeElement as HTMLElement;
    const select = el.querySelector('[data-testid="statistics-export-table"]') as HTMLSelectElement;
    expect(Array.from(select.options).map((o) => o.value)).toEqual(['loans', 'quarter', 'pledged', 'ltv', 'guarantees', 'grades', 'bonds', 'benefits', 'trades']);
    select.value = 'grades';
    select.dispatchEvent(new Event('change'));
    (el.querySelector('[data-testid="statistics-export-csv"]') as HTMLButtonElement).click();
    http.expectOne('/api/statistics/green-finance.csv?quarter=2026Q4&table=grades').flush(new Blob(['grade,subjects\n']));
    (el.querySelector('[data-testid="statistics-export-pdf"]') as HTMLButtonElement).click();
    http.expectOne('/api/statistics/green-finance.pdf?quarter=2026Q4').flush(new Blob(['%PDF']));
    expect(URL.createObjectURL).toHaveBeenCalledTimes(2);
  });
});

describe('balanceChart', () => {
  it('draws balances and new loans in yuan and the default ratio in percent', () => {
    const option = balanceChart(stats.byBank, { balance: 'Balance', newLoans: 'New', defaultRatio: 'Default' }) as { xAxis: { data: string[] }; series: { data: number[] }[] };
    expect(option.xAxis.data).toEqual(['塔里木农村商业银行', '博斯腾湖商业银行']);
    expect(option.series.map((s) => s.data)).toEqual([[191_827.43, 80_000], [0, 0], [0, 100]]);
  });
});
