import { TestBed } from '@angular/core/testing';
import { setUpAssetsTestBed } from '../assets/assets-spec-helpers';
import { PricesPage } from './prices.page';

const cea = { reference: 'carbon:CEA', date: '2026-11-27', priceFen: 6_200, unit: 'yuan/tCO2e', source: '全国碳市场' };

describe('PricesPage', () => {
  it('lists the series with their latest price and loads the first one for the chart', async () => {
    const http = setUpAssetsTestBed();
    const fixture = TestBed.createComponent(PricesPage);
    await fixture.whenStable();
    http.expectOne('/api/prices/references').flush({ items: [{ reference: 'carbon:CEA', latest: cea }] });
    http.expectOne('/api/prices?reference=carbon:CEA').flush({ reference: 'carbon:CEA', items: [cea] });
    await fixture.whenStable();
    const el: HTMLElement = fixture.nativeElement;
    expect(el.querySelector('[data-testid="price-reference"]')!.textContent).toContain('carbon:CEA — ¥62.00 (yuan/tCO2e, 2026-11-27)');
    expect(el.querySelector('[data-testid="price-chart"]')).not.toBeNull();
    // Signed out in this test: no CSV import.
    expect(el.querySelector('[data-testid="price-import"]')).toBeNull();
  });
});
