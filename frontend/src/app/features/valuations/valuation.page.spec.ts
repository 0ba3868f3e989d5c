import { TestBed } from '@angular/core/testing';
import { setUpAssetsTestBed } from '../assets/assets-spec-helpers';
import { ValuationPage } from './valuation.page';
import { Valuation } from './valuations.models';

export const storedValuation: Valuation = {
  id: 'v1', assetId: 'a1', purpose: 'lending', valuationDate: '2026-11-29', configVersion: '2026.11.1', engineVersion: '@eco/scoring@0.1.0',
  priceSources: [{ reference: 'timber:新疆杨', date: '2026-11-01', priceFen: 62_000, unit: 'yuan/m3', source: '阿克苏木材市场', role: 'timberPriceFenPerM3' }],
  previousValuationId: null, changeFen: null,
  result: {
    method: 'forest_right.market_price_back_calculation', methodReason: 'mature stand', valueType: 'market', valueFen: 3_500_000_00,
    range: { lowFen: 2_900_000_00, highFen: 4_100_000_00, basis: 'P' }, confidence: { grade: 'medium', reasons: [] },
    haircut: { market: 0.1, liquidity: 0.15, legal: 0.05, physical: 0.1, total: 0.4 }, lendingValueFen: 2_100_000_00, pledgeRate: 0.5, maxLoanFen: 1_050_000_00, maxTermYears: 5,
    inputs: { areaHa: { value: 120, unit: 'ha', source: 'request' } }, warnings: [{ code: 'W', message: '注意防火' }],
  },
};

describe('ValuationPage', () => {
  it('shows value, range, maximum loan, inputs with sources and the warnings', async () => {
    const http = setUpAssetsTestBed();
    const fixture = TestBed.createComponent(ValuationPage);
    fixture.componentRef.setInput('id', 'v1');
    await fixture.whenStable();
    http.expectOne('/api/valuations/v1').flush(storedValuation);
    await fixture.whenStable();
    const el: HTMLElement = fixture.nativeElement;
    expect(el.querySelector('[data-testid="valuation-value"]')!.textContent).toBe('¥3,500,000.00');
    expect(el.querySelector('[data-testid="valuation-max-loan"]')!.textContent).toBe('¥1,050,000.00');
    expect(el.textContent).toContain('¥2,900,000.00 – ¥4,100,000.00');
    expect(el.textContent).toContain('timber:新疆杨');
    expect(el.textContent).toContain('注意防火');
  });

  it('downloads the PDF report with the access token (a blob request)', async () => {
    const http = setUpAssetsTestBed();
    const fixture = TestBed.createComponent(ValuationPage);
    fixture.componentRef.setInput('id', 'v1');
    await fixture.whenStable();
    http.expectOne('/api/valuations/v1').flush(storedValuation);
    await fixture.whenStable();
    (URL as unknown as { createObjectURL: () => string }).createObjectURL = () => 'blob:x';
    (URL as unknown as { revokeObjectURL: () => void }).revokeObjectURL = () => undefined;
    fixture.nativeElement.querySelector('[data-testid="valuation-report-download"]').click();
    const request = http.expectOne('/api/valuations/v1/report.pdf');
    expect(request.request.responseType).toBe('blob');
  });
});
