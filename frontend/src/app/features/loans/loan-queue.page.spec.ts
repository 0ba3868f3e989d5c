import { TestBed } from '@angular/core/testing';
import { LoanApprovalsPage } from './loan-approvals.page';
import { LoanQueuePage } from './loan-queue.page';
import { sampleSummary, setUpLoansTestBed } from './loans-testing';

describe('LoanQueuePage', () => {
  it('lists the bank’s loans with the applicant, SLA age, grade and LTV at a glance', async () => {
    const http = setUpLoansTestBed(['loans.review']);
    const fixture = TestBed.createComponent(LoanQueuePage);
    await fixture.whenStable();
    http.expectOne('/api/loans?limit=100&offset=0').flush({ items: [sampleSummary], total: 1 });
    await fixture.whenStable();
    const row: HTMLElement = fixture.nativeElement.querySelector('[data-testid="loan-row"]');
    expect(row.getAttribute('data-state')).toBe('PENDING_APPROVAL');
    expect(row.textContent).toContain('和田玉枣生态农业有限公司');
    expect(row.textContent).toContain('¥200,000.00');
    expect(row.querySelector('[data-testid="loan-ltv"]')!.textContent!.trim()).toBe('30.97%');
    expect(row.querySelector('[data-testid="loan-age"]')!.textContent!.trim()).toBe('2');
  });

  it('filters by state', async () => {
    const http = setUpLoansTestBed(['loans.review']);
    const fixture = TestBed.createComponent(LoanQueuePage);
    await fixture.whenStable();
    http.expectOne('/api/loans?limit=100&offset=0').flush({ items: [], total: 0 });
    const select: HTMLSelectElement = fixture.nativeElement.querySelector('[data-testid="loan-state-filter"]');
    select.value = 'OVERDUE';
    select.dispatchEvent(new Event('change'));
    await fixture.whenStable();
    http.expectOne('/api/loans?limit=100&offset=0&state=OVERDUE').flush({ items: [], total: 0 });
  });
});

describe('LoanApprovalsPage', () => {
  it('opens on the recommendations waiting for a decision', async () => {
    const http = setUpLoansTestBed(['loans.approve']);
    const fixture = TestBed.createComponent(LoanApprovalsPage);
    await fixture.whenStable();
    http.expectOne('/api/loans?limit=100&offset=0&state=PENDING_APPROVAL').flush({ items: [sampleSummary], total: 1 });
    await fixture.whenStable();
    expect(fixture.nativeElement.querySelectorAll('[data-testid="loan-row"]')).toHaveLength(1);
  });
});
