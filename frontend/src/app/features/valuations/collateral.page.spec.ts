import { TestBed } from '@angular/core/testing';
import { setUpAssetsTestBed } from '../assets/assets-spec-helpers';
import { CollateralPage } from './collateral.page';
import { StressChartComponent } from './stress-chart.component';

const scenario = (id: string, ltv: number, breaches: number) => ({ id, name: id, description: '', pledges: [], totals: { valueFen: 100_00, outstandingLoanFen: 60_00, ltv, breaches } });

describe('CollateralPage', () => {
  it('shows the bank’s alerts, pledged assets and the stress scenarios; acknowledges an alert', async () => {
    // jsdom has no canvas: the chart's options are tested in stress-chart.spec.ts.
    TestBed.overrideComponent(StressChartComponent, { set: { template: '<div data-testid="stress-chart"></div>', imports: [], providers: [] } });
    const http = setUpAssetsTestBed();
    const fixture = TestBed.createComponent(CollateralPage);
    await fixture.whenStable();
    http.expectOne('/api/assets?limit=100').flush({ items: [], total: 0 });
    http.expectOne('/api/alerts?limit=100').flush({ items: [{ id: 'al1', assetId: 'a1', loanId: 'DEMO-LOAN-HAMI-CCER', ltv: 0.6237, ltvThreshold: 0.6, outstandingFen: 7_800_000_00, valueFen: 12_506_000_00, status: 'open', raisedAt: '2026-11-29T08:00:00Z' }], total: 1 });
    http.expectOne('/api/portfolio/stress').flush({ configVersion: 'c', valuationDate: '2026-11-29', assets: [], baseline: scenario('baseline', 0.6, 0), scenarios: [scenario('carbon_price_fall', 1.04, 1)] });
    await fixture.whenStable();
    const el: HTMLElement = fixture.nativeElement;
    expect(el.querySelector('[data-testid="alert-row"]')!.textContent).toContain('62.37% / 60%');
    expect(el.querySelector('[data-scenario="carbon_price_fall"]')!.textContent).toContain('104%');
    expect(el.querySelector('[data-testid="stress-chart"]')).not.toBeNull();
    el.querySelector<HTMLButtonElement>('[data-testid="alert-acknowledge"]')!.click();
    http.expectOne('/api/alerts/al1/acknowledge').flush({ id: 'al1', assetId: 'a1', loanId: 'DEMO-LOAN-HAMI-CCER', ltv: 0.6237, ltvThreshold: 0.6, outstandingFen: 0, valueFen: 0, status: 'acknowledged', raisedAt: '2026-11-29T08:00:00Z' });
    await fixture.whenStable();
    expect(el.querySelector('[data-testid="alert-row"]')!.textContent).toContain('Acknowledged');
  });
});
