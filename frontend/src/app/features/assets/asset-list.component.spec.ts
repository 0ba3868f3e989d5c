import { TestBed } from '@angular/core/testing';
import { AssetListComponent } from './asset-list.component';
import { forestAsset, setUpAssetsTestBed } from './assets-spec-helpers';

describe('AssetListComponent', () => {
  it('links each asset to its page and says so when there are none', async () => {
    setUpAssetsTestBed();
    const fixture = TestBed.createComponent(AssetListComponent);
    fixture.componentRef.setInput('assets', [forestAsset]);
    await fixture.whenStable();
    expect(fixture.nativeElement.querySelector('[data-testid="asset-open"]').getAttribute('href')).toBe(`/assets/${forestAsset.id}`);
    fixture.componentRef.setInput('assets', []);
    await fixture.whenStable();
    expect(fixture.nativeElement.textContent).toContain('No assets yet.');
  });
});
