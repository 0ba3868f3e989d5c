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

describe('BondDetailPage of a bank’s green financial bond', () => {
  const linked = (loanId: string, purpose: string, amountFen: number, expectedBenefits: Record<string, number>) => ({
    loanId, purpose, amountFen, taxonomyCode: '1.4-water_saving_irrigation', category: '节能环保产业', icmaCategory: 'sustainable_water_wastewater', pbocLoanUse: '4.1',
    expectedBenefits, linkedBy: { userId: 'u-bank', username: 'bank.officer' }, linkedAt: '2026-11-20T08:00:00Z',
  });
  const bankBond = {
    ...sampleBond, id: 'c'.repeat(24), name: '塔里木农村商业银行2026年绿色金融债券（第一期）', issuerName: '塔里木农村商业银行', issuerKind: 'bank' as const, projects: [], allocations: [],
    proceedsFen: 5_000_000_000, committedFen: 10_000_000, allocatedFen: 10_000_000,
    linkedLoans: [linked('1'.repeat(24), '核桃林提质增效', 10_000_000, { water_saved_m3: 86_000 })],
    loanRollup: { loans: 1, amountFen: 10_000_000, byCategory: [{ taxonomyCode: '1.4-water_saving_irrigation', category: '节能环保产业', icmaCategory: 'sustainable_water_wastewater', pbocLoanUse: '4.1', loans: 1, amountFen: 10_000_000 }], impactTotals: { water_saved_m3: 86_000 } },
    ledger: { proceedsFen: 5_000_000_000, allocatedFen: 10_000_000, unallocatedFen: 4_990_000_000, allocatedShareBp: 20, refinancingFen: 0, newFinancingFen: 10_000_000, byProject: [{ projectId: `loan:${'1'.repeat(24)}`, amountFen: 10_000_000 }] },
    allowedActions: ['allocate', 'completeAllocation', 'mature', 'delabel', 'linkLoan', 'linkLoanCompleting', 'unlinkLoan'],
  };

  it('lists the linked loans and their rolled-up benefits, and links an eligible loan with the benefits typed for it', async () => {
    const http = setUpBondsTestBed(['bonds.issue']);
    const fixture = TestBed.createComponent(BondDetailPage);
    fixture.componentRef.setInput('id', bankBond.id);
    await fixture.whenStable();
    http.expectOne('/api/bond-taxonomy').flush({ version: 'v', entries: [], measures: [] });
    http.expectOne('/api/bond-reviewers').flush([]);
    http.expectOne(`/api/bonds/${bankBond.id}`).flush(bankBond);
    http.expectOne(`/api/bonds/${bankBond.id}/impact-reports`).flush([]);
    await fixture.whenStable();
    const el: HTMLElement = fixture.nativeElement;
    expect(Array.from(el.querySelectorAll('[data-testid="linked-loan-row"]')).map((r) => r.getAttribute('data-loan-id'))).toEqual(['1'.repeat(24)]);
    expect(el.querySelector('[data-testid="linked-loan-row"]')!.textContent).toContain('¥100,000.00');
    expect(el.querySelector('[data-testid="linked-loans-totals"]')!.textContent).toContain('86000');
    el.querySelector<HTMLButtonElement>('[data-testid="link-green-loan"]')!.click();
    http.expectOne(`/api/bonds/${bankBond.id}/eligible-loans`).flush([
      { id: '2'.repeat(24), purpose: '滴灌首部设备更新', amountFen: 10_000_000, taxonomyCode: '1.4-water_saving_irrigation', category: '节能环保产业', icmaCategory: 'sustainable_water_wastewater', measures: [{ code: 'water_saved_m3', zh: '节水量', en: 'Water saved', unit: 'm3' }], disbursedAt: '2026-09-28T00:00:00Z' },
    ]);
    await fixture.whenStable();
    const measure = el.querySelector<HTMLInputElement>(`[data-testid="link-measure-${'2'.repeat(24)}-water_saved_m3"]`)!;
    measure.value = '12000.5';
    measure.dispatchEvent(new Event('input'));
    el.querySelector<HTMLButtonElement>(`[data-testid="link-loan-${'2'.repeat(24)}"]`)!.click();
    const req = http.expectOne(`/api/bonds/${bankBond.id}/linked-loans`);
    expect(req.request.body).toEqual({ loanId: '2'.repeat(24), expectedBenefits: { water_saved_m3: 12_000.5 } });
    req.flush({ ...bankBond, linkedLoans: [...bankBond.linkedLoans, linked('2'.repeat(24), '滴灌首部设备更新', 10_000_000, { water_saved_m3: 12_000.5 })] });
    await fixture.whenStable();
    expect(el.querySelectorAll('[data-testid="linked-loan-row"]')).toHaveLength(2);
    el.querySelector<HTMLButtonElement>(`[data-testid="unlink-loan-${'1'.repeat(24)}"]`)!.click();
    expect(http.expectOne(`/api/bonds/${bankBond.id}/linked-loans/${'1'.repeat(24)}/unlink`).request.body).toEqual({ reason: '本行调整投放' });
  });

  it('shows an enterprise’s bond no linked-loans section', async () => {
    const http = setUpBondsTestBed(['bonds.issue']);
    const fixture = TestBed.createComponent(BondDetailPage);
    fixture.componentRef.setInput('id', sampleBond.id);
    await fixture.whenStable();
    http.expectOne('/api/bond-taxonomy').flush({ version: 'v', entries: [], measures: [] });
    http.expectOne('/api/bond-reviewers').flush([]);
    http.expectOne(`/api/bonds/${sampleBond.id}`).flush({ ...sampleBond, issuerKind: 'enterprise' });
    http.expectOne(`/api/bonds/${sampleBond.id}/impact-reports`).flush([]);
    await fixture.whenStable();
    expect(fixture.nativeElement.querySelector('[data-testid="bond-linked-loans"]')).toBeNull();
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
