import { TestBed } from '@angular/core/testing';
import { GuaranteeListPage } from './guarantee-list.page';
import { sampleGuarantee, setUpGuaranteesTestBed } from './guarantees-testing';

describe('GuaranteeListPage', () => {
  it('shows the queue with the borrower, amount, SLA age (late after 5 days), grade and fee', async () => {
    const http = setUpGuaranteesTestBed(['guarantees.review']);
    const fixture = TestBed.createComponent(GuaranteeListPage);
    await fixture.whenStable();
    http.expectOne('/api/guarantees?limit=100&offset=0').flush({ items: [sampleGuarantee], total: 1 });
    await fixture.whenStable();
    const row: HTMLElement = fixture.nativeElement.querySelector('[data-testid="guarantee-row"]');
    expect(row.getAttribute('data-state')).toBe('COMMITTEE_REVIEW');
    expect(row.textContent).toContain('和田玉枣生态农业有限公司');
    expect(row.textContent).toContain('¥200,000.00');
    expect(row.textContent).toContain('Committee review');
    const age: HTMLElement = row.querySelector('[data-testid="guarantee-age"]')!;
    expect([age.textContent!.trim(), age.classList.contains('late')]).toEqual(['7', true]);
    expect(row.querySelector('[data-testid="guarantee-fee"]')!.textContent!.trim()).toBe('0.80%');
  });

  it('opens the committee view on the guarantees awaiting a decision', async () => {
    const http = setUpGuaranteesTestBed(['guarantees.approve']);
    const fixture = TestBed.createComponent(GuaranteeListPage);
    fixture.componentRef.setInput('view', 'committee');
    fixture.componentRef.setInput('initialState', 'COMMITTEE_REVIEW');
    await fixture.whenStable();
    http.expectOne('/api/guarantees?limit=100&offset=0&state=COMMITTEE_REVIEW').flush({ items: [], total: 0 });
    await fixture.whenStable();
    expect(fixture.nativeElement.querySelector('h1').textContent).toBe('Guarantee committee');
    expect(fixture.nativeElement.textContent).toContain('No guarantees');
  });
});
