import { TestBed } from '@angular/core/testing';
import { setUpAssetsTestBed, forestAsset } from './assets-spec-helpers';
import { VerificationPage } from './verification.page';

describe('VerificationPage', () => {
  it('asks for submitted assets only', async () => {
    const http = setUpAssetsTestBed();
    const fixture = TestBed.createComponent(VerificationPage);
    await fixture.whenStable();
    http.expectOne('/api/assets?limit=100&state=submitted').flush({ items: [forestAsset], total: 1 });
    await fixture.whenStable();
    expect(fixture.nativeElement.querySelectorAll('[data-testid="asset-row"]')).toHaveLength(1);
  });
});
