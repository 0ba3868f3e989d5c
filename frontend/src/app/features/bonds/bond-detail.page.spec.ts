import { TestBed } from '@angular/core/testing';
import { BondDetailPage } from './bond-detail.page';
import { BondReviewsPage } from './bond-reviews.page';
import { sampleBond, setUpBondsTestBed } from './bonds-testing';

describe('BondDetailPage', () => {
  it('shows the proceeds ledger with the unallocated balance and each allocation, and proposes an allocation in fen', async () => {
    const http = setUpBondsTestBed(['bonds.issue']);
    const fixture = TestBed.createComponent(BondDetailPage);
    fixture.componentRef.setInput('id', sampleBond.id);
    await fixture.whenStable();
    http.expectOne('/api/bond-taxonomy').flush({ version: 'v', entries: [], measures: [] });
    http.expectOne('/api/bond-reviewers').flush([{ id: 'r'.repeat(24), name: '天山绿色评估认证有限公司' }]);
    http.expectOne(`/api/bonds/${sampleBond.id}`).flush(sampleBond);
    http.expectOne(`/api/bonds/${sampleBond.id}/impact-reports`).flush([]);
    await fixture.whenStable();
    const el: HTMLElement = fixture.nativeElement;
    expect(el.querySelector('[data-testid="ledger-unallocated"]')!.textContent!.trim()).toBe('¥550,000,000.00');
    expect(el.querySelector('[data-testid="ledger-allocated"]')!.textContent!.trim()).toBe('¥450,000,000.00 (45.00%)');
    expect(Array.from(el.querySelectorAll('[data-testid="allocation-row"]')).map((r) => r.getAttribute('data-state'))).toEqual(['APPROVED', 'PENDING']);
    el.querySelector<HTMLInputElement>('[data-testid="allocation-amount"]')!.value = '1000000.25';
    el.querySelector<HTMLInputElement>('[data-testid="allocation-date"]')!.value = '2026-11-25';
    el.querySelector<HTMLButtonElement>('[data-testid="allocation-propose"]')!.click();
    const req = http.expectOne(`/api/bonds/${sampleBond.id}/allocations`);
    expect(req.request.body).toEqual({ projectId: sampleBond.projects[0]!.id, amountFen: 100_000_025, expenditureDate: '2026-11-25', note: '' });
  });

  it('shows the regulator the bond without any issuer action', async () => {
    const http = setUpBondsTestBed(['statistics.read', 'tenants.all.read']);
    const fixture = TestBed.createComponent(BondDetailPage);
    fixture.componentRef.setInput('id', sampleBond.id);
    await fixture.whenStable();
    http.expectOne('/api/bond-taxonomy').flush({ version: 'v', entries: [], measures: [] });
    http.expectOne(`/api/bonds/${sampleBond.id}`).flush(sampleBond);
    http.expectOne(`/api/bonds/${sampleBond.id}/impact-reports`).flush([]);
    await fixture.whenStable();
    expect(fixture.nativeElement.querySelector('[data-testid="allocation-form"]')).toBeNull();
    expect(fixture.nativeElement.querySelector('[data-testid="bond-ledger"]')).not.toBeNull();
  });
});

describe('BondReviewsPage', () => {
  it('lists the frameworks waiting for review and the reports to verify', async () => {
    const http = setUpBondsTestBed(['bonds.review']);
    const fixture = TestBed.createComponent(BondReviewsPage);
    await fixture.whenStable();
    http.expectOne('/api/bonds?limit=100&state=EXTERNAL_REVIEW_PENDING').flush({ items: [{ ...sampleBond, state: 'EXTERNAL_REVIEW_PENDING' }], total: 1 });
    http.expectOne('/api/bond-impact-reports?state=DRAFT').flush([]);
    await fixture.whenStable();
    const item: HTMLElement = fixture.nativeElement.querySelector('[data-testid="review-item"]');
    expect(item.getAttribute('data-bond-id')).toBe(sampleBond.id);
    expect(item.textContent).toContain('China Green Bond Principles (2022)');
    expect(item.querySelector<HTMLButtonElement>('[data-testid="review-submit"]')!.disabled).toBe(true);
  });
});
