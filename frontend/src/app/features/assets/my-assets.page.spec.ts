import { TestBed } from '@angular/core/testing';
import { setUpAssetsTestBed, forestAsset } from './assets-spec-helpers';
import { MyAssetsPage } from './my-assets.page';

describe('MyAssetsPage', () => {
  it('lists the owner’s assets with type, number, status and last value', async () => {
    const http = setUpAssetsTestBed();
    const fixture = TestBed.createComponent(MyAssetsPage);
    await fixture.whenStable();
    http.expectOne('/api/assets?limit=100').flush({ items: [forestAsset], total: 1 });
    await fixture.whenStable();
    const row: HTMLElement = fixture.nativeElement.querySelector('[data-testid="asset-row"]');
    expect(row.textContent).toContain('温宿县新疆杨用材林');
    expect(row.textContent).toContain('Forest right');
    expect(row.textContent).toContain('Submitted');
    expect(row.textContent).toContain('¥1,234,567.89');
    expect(fixture.nativeElement.querySelector('[data-testid="asset-register"]').getAttribute('href')).toBe('/assets/new');
  });
});
