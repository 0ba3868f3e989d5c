import { TestBed } from '@angular/core/testing';
import { AssetRegisterPage } from './asset-register.page';
import { setUpAssetsTestBed } from './assets-spec-helpers';

describe('AssetRegisterPage', () => {
  it('shows the forest-right form first and switches the fields with the type', async () => {
    setUpAssetsTestBed();
    const fixture = TestBed.createComponent(AssetRegisterPage);
    await fixture.whenStable();
    const el: HTMLElement = fixture.nativeElement;
    expect(el.querySelector('[data-testid="asset-field-certificateNumber"]')).not.toBeNull();
    const type = el.querySelector<HTMLSelectElement>('[data-testid="asset-type"]')!;
    type.value = 'water_right';
    type.dispatchEvent(new Event('change'));
    await fixture.whenStable();
    expect(el.querySelector('[data-testid="asset-field-certificateNumber"]')).toBeNull();
    expect(el.querySelector('[data-testid="asset-field-basin"]')).not.toBeNull();
  });

  it('registers the asset with typed details and opens its page', async () => {
    const http = setUpAssetsTestBed();
    const fixture = TestBed.createComponent(AssetRegisterPage);
    await fixture.whenStable();
    const el: HTMLElement = fixture.nativeElement;
    const fill = (id: string, value: string) => {
      const input = el.querySelector<HTMLInputElement>(`[data-testid="${id}"]`)!;
      input.value = value;
      input.dispatchEvent(new Event('input'));
    };
    const type = el.querySelector<HTMLSelectElement>('[data-testid="asset-type"]')!;
    type.value = 'carbon';
    type.dispatchEvent(new Event('change'));
    await fixture.whenStable();
    fill('asset-name', '配额');
    fill('asset-field-registryAccount', 'CEA-1');
    fill('asset-field-vintage', '2025');
    fill('asset-field-quantityTco2e', '1000');
    el.querySelector<HTMLButtonElement>('[data-testid="asset-save"]')!.click();
    await fixture.whenStable();
    const request = http.expectOne('/api/assets');
    expect(request.request.body).toEqual({ assetType: 'carbon', name: '配额', details: { registryAccount: 'CEA-1', kind: 'CEA', vintage: 2025, quantityTco2e: 1000 }, documentIds: [] });
  });
});
