import { TestBed } from '@angular/core/testing';
import { LoanDetailPage } from './loan-detail.page';
import { sampleSummary, setUpLoansTestBed } from './loans-testing';

const detail = { ...sampleSummary, bankName: '塔里木农村商业银行', application: { id: sampleSummary.applicationId, prescreen: null } };

async function open(permissions: string[], loan: object = detail) {
  const http = setUpLoansTestBed(permissions);
  const fixture = TestBed.createComponent(LoanDetailPage);
  fixture.componentRef.setInput('id', sampleSummary.id);
  await fixture.whenStable();
  http.expectOne(`/api/loans/${sampleSummary.id}`).flush(loan);
  await fixture.whenStable();
  return { http, fixture, el: fixture.nativeElement as HTMLElement };
}

describe('LoanDetailPage', () => {
  it('shows the state, the recommendation and the timeline', async () => {
    const { el } = await open(['loans.approve']);
    expect(el.querySelector('[data-testid="loan-state"]')!.getAttribute('data-state')).toBe('PENDING_APPROVAL');
    expect(el.querySelector('[data-testid="loan-recommendation"]')!.textContent).toContain('3.80%');
    expect(el.querySelectorAll('[data-testid="loan-timeline"] li')).toHaveLength(1);
  });

  it('the approver approves with a note', async () => {
    const { http, fixture, el } = await open(['loans.approve']);
    const note: HTMLInputElement = el.querySelector('[data-testid="loan-decision-note"]')!;
    note.value = '同意';
    note.dispatchEvent(new Event('input'));
    (el.querySelector('[data-testid="loan-approve"]') as HTMLButtonElement).click();
    const req = http.expectOne(`/api/loans/${sampleSummary.id}/approve`);
    expect(req.request.body).toEqual({ note: '同意' });
    req.flush({ ...detail, state: 'APPROVED' });
    http.expectOne(`/api/loans/${sampleSummary.id}`).flush({ ...detail, state: 'APPROVED', allowedActions: ['undoApproval', 'accept', 'lapse'] });
    await fixture.whenStable();
    expect(el.querySelector('[data-testid="loan-state"]')!.getAttribute('data-state')).toBe('APPROVED');
    expect(el.querySelector('[data-testid="loan-undo-approval"]')).not.toBeNull();
  });

  it('an officer sees no approval button; in GREEN_ASSESSED the recommendation form posts fen and basis points', async () => {
    const { http, el } = await open(['loans.review'], { ...detail, state: 'GREEN_ASSESSED', recommendation: null, allowedActions: ['requestGuarantee', 'recommend', 'decline', 'lapse', 'withdraw'] });
    expect(el.querySelector('[data-testid="loan-approve"]')).toBeNull();
    const rate: HTMLInputElement = el.querySelector('[data-testid="loan-rec-rate"]')!;
    expect(rate.value).toBe('4.20');
    (el.querySelector('[data-testid="loan-recommend"]') as HTMLButtonElement).click();
    const req = http.expectOne(`/api/loans/${sampleSummary.id}/recommend`);
    expect(req.request.body).toEqual({ amountFen: 20_000_000, annualRateBp: 420, termMonths: 24, conditions: [], notes: '' });
  });

  it('shows the schedule and outstanding balance of a disbursed loan', async () => {
    const schedule = { principalFen: 20_000_000, annualRate: 0.038, termMonths: 24, maturityDate: '2028-11-29', totals: { principalFen: 0, interestFen: 0, totalFen: 0 },
      instalments: [{ number: 1, dueDate: '2026-12-29', days: 30, principalFen: 803_386, interestFen: 63_333, totalFen: 866_719, closingPrincipalFen: 19_196_614 }] };
    const { http, fixture, el } = await open(['loans.review'], { ...detail, state: 'ACTIVE', schedule, allowedActions: ['markOverdue', 'close'] });
    http.expectOne(`/api/loans/${sampleSummary.id}/repayments`).flush({ schedule, repayments: [], outstanding: { status: 'CURRENT', principalOutstandingFen: 20_000_000, interestAccruedFen: 0, penaltyFen: 0, maxDaysPastDue: 0 } });
    await fixture.whenStable();
    expect(el.querySelector('[data-testid="instalment-row"]')!.textContent).toContain('¥8,667.19');
    expect(el.querySelector('[data-testid="loan-outstanding"]')!.textContent).toContain('¥200,000.00');
    expect(el.querySelector('[data-testid="loan-repay"]')).not.toBeNull();
  });
});
