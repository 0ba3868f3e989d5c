import { TestBed } from '@angular/core/testing';
import { AuthService } from '../../core/auth/auth.service';
import { AssetDetailPage } from './asset-detail.page';
import { forestAsset, setUpAssetsTestBed } from './assets-spec-helpers';

describe('AssetDetailPage', () => {
  it('shows the record, its documents and the valuation history with the change', async () => {
    const http = setUpAssetsTestBed();
    const fixture = TestBed.createComponent(AssetDetailPage);
    fixture.componentRef.setInput('id', forestAsset.id);
    await fixture.whenStable();
    http.expectOne(`/api/assets/${forestAsset.id}`).flush(forestAsset);
    http.expectOne(`/api/assets/${forestAsset.id}/valuations`).flush({
      items: [
        { id: 'v2', purpose: 'lending', valuationDate: '2026-11-29', valueFen: 150_000_00, lendingValueFen: 0, maxLoanFen: 60_000_00, changeFen: 50_000_00, method: 'm', confidence: 'high', configVersion: 'c', valuedAt: '' },
        { id: 'v1', purpose: 'preliminary', valuationDate: '2026-10-01', valueFen: 100_000_00, lendingValueFen: 0, maxLoanFen: 40_000_00, changeFen: null, method: 'm', confidence: 'high', configVersion: 'c', valuedAt: '' },
      ],
    });
    await fixture.whenStable();
    const el: HTMLElement = fixture.nativeElement;
    expect(el.querySelector('[data-testid="asset-title"]')!.textContent).toContain('温宿县新疆杨用材林');
    expect(el.textContent).toContain('林权证.pdf');
    const rows = el.querySelectorAll('[data-testid="valuation-row"]');
    expect(rows[0]!.textContent).toContain('+¥50,000.00');
    expect(rows[1]!.textContent).toContain('—');
    // Signed out in this test: neither the owner's nor the verifier's actions.
    expect(el.querySelector('[data-testid="asset-verify"]')).toBeNull();
    expect(el.querySelector('[data-testid="asset-submit"]')).toBeNull();
    expect(TestBed.inject(AuthService).permissions().size).toBe(0);
  });

  it('downloads an attached document for checking', async () => {
    const http = setUpAssetsTestBed();
    const fixture = TestBed.createComponent(AssetDetailPage);
    fixture.componentRef.setInput('id', forestAsset.id);
    await fixture.whenStable();
    http.expectOne(`/api/assets/${forestAsset.id}`).flush(forestAsset);
    http.expectOne(`/api/assets/${forestAsset.id}/valuations`).flush({ items: [] });
    await fixture.whenStable();
    (URL as unknown as { createObjectURL: () => string }).createObjectURL = () => 'blob:x';
    (URL as unknown as { revokeObjectURL: () => void }).revokeObjectURL = () => undefined;
    fixture.nativeElement.querySelector('[data-testid="document-download"]').click();
    expect(http.expectOne('/api/documents/d1/content').request.responseType).toBe('blob');
  });
});
