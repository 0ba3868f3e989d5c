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

  it('the applicant uploads a document and answers the information request with its id', async () => {
    const asked = { ...detail, state: 'INFO_REQUESTED', allowedActions: ['provideInfo', 'withdraw'], infoRequests: [{ kind: 'request', message: '请补充近三年财务报表', at: '2026-11-28T08:00:00Z', by: 'bank.officer' }] };
    const { http, fixture, el } = await open(['loans.apply'], asked);
    const input = el.querySelector('[data-testid="loan-info-document"]') as HTMLInputElement;
    const file = new File(['%PDF-1.4 财务报表'], '2023-2025财务报表.pdf', { type: 'application/pdf' });
    Object.defineProperty(input, 'files', { value: [file] });
    input.dispatchEvent(new Event('change'));
    const upload = http.expectOne('/api/documents');
    expect(upload.request.method).toBe('POST');
    expect(upload.request.body).toBe(file);
    expect(upload.request.headers.get('X-Filename')).toBe(encodeURIComponent('2023-2025财务报表.pdf'));
    upload.flush({ id: '1'.repeat(24), filename: '2023-2025财务报表.pdf', sha256: 'ab'.repeat(32) });
    await fixture.whenStable();
    const item = el.querySelector('[data-testid="loan-info-document-item"]')!;
    expect(item.getAttribute('data-document-id')).toBe('1'.repeat(24));
    expect(item.textContent).toContain('2023-2025财务报表.pdf');
    expect(item.textContent).toContain(`SHA-256 ${'ab'.repeat(32)}`);

    const message: HTMLInputElement = el.querySelector('[data-testid="loan-message"]')!;
    message.value = '已上传财务报表';
    message.dispatchEvent(new Event('input'));
    await fixture.whenStable();
    (el.querySelector('[data-testid="loan-provide-info"]') as HTMLButtonElement).click();
    const answer = http.expectOne(`/api/loans/${sampleSummary.id}/provide-info`);
    expect(answer.request.body).toEqual({ message: '已上传财务报表', documentIds: ['1'.repeat(24)] });
    answer.flush({ ...sampleSummary, state: 'UNDER_REVIEW' });
    const answered = { ...asked, state: 'UNDER_REVIEW', allowedActions: ['assessGreen'], infoRequests: [...asked.infoRequests,
      { kind: 'answer', message: '已上传财务报表', at: '2026-11-28T09:00:00Z', by: 'enterprise', documents: [{ id: '1'.repeat(24), filename: '2023-2025财务报表.pdf', sha256: 'ab'.repeat(32) }] }] };
    http.expectOne(`/api/loans/${sampleSummary.id}`).flush(answered);
    await fixture.whenStable();
    expect(el.querySelector('[data-testid="loan-info-attachments"]')).toBeNull();
    const messages = el.querySelectorAll('[data-testid="loan-info-message"]');
    expect(messages[1]!.getAttribute('data-kind')).toBe('answer');
    expect(messages[1]!.textContent).toContain('2023-2025财务报表.pdf');
    http.verify();
  });

  it('an answer without documents sends the message alone', async () => {
    const { http, fixture, el } = await open(['loans.apply'], { ...detail, state: 'INFO_REQUESTED', allowedActions: ['provideInfo'] });
    const message: HTMLInputElement = el.querySelector('[data-testid="loan-message"]')!;
    message.value = '见附件说明';
    message.dispatchEvent(new Event('input'));
    await fixture.whenStable();
    (el.querySelector('[data-testid="loan-provide-info"]') as HTMLButtonElement).click();
    expect(http.expectOne(`/api/loans/${sampleSummary.id}/provide-info`).request.body).toEqual({ message: '见附件说明' });
  });
});
