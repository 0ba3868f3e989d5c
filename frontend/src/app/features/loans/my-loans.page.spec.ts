import { TestBed } from '@angular/core/testing';
import { MyLoansPage } from './my-loans.page';
import { sampleLoan, setUpLoansTestBed } from './loans-testing';

const application = {
  id: sampleLoan.applicationId, subjectId: sampleLoan.subjectId, state: 'SUBMITTED', amountFen: 20_000_000, termMonths: 24, purpose: '滴灌改造', taxonomyCode: '1.4-water_saving_irrigation',
  repaymentMethod: 'equal_instalment', frequency: 'monthly', assetIds: [], documents: [], bankIds: [sampleLoan.institutionId], prescreen: null, acceptedLoanId: null,
  createdAt: '2026-11-25T08:00:00Z', history: [{ action: 'submit', from: 'DRAFT', to: 'SUBMITTED', at: '2026-11-25T08:00:00Z', by: null }],
};

describe('MyLoansPage', () => {
  it('shows each bank’s offer and accepts one', async () => {
    const http = setUpLoansTestBed(['loans.apply'], sampleLoan.subjectId);
    const fixture = TestBed.createComponent(MyLoansPage);
    await fixture.whenStable();
    http.expectOne('/api/loan-banks').flush([{ id: sampleLoan.institutionId, name: '塔里木农村商业银行', nameEn: null, region: '阿克苏' }]);
    http.expectOne('/api/loan-applications?limit=100').flush({ items: [application], total: 1 });
    http.expectOne(`/api/loan-applications/${application.id}`).flush({ ...application, offers: [{ ...sampleLoan, state: 'APPROVED' }] });
    await fixture.whenStable();
    const el: HTMLElement = fixture.nativeElement;
    const offer = el.querySelector('[data-testid="loan-offer"]')!;
    expect(offer.getAttribute('data-state')).toBe('APPROVED');
    expect(offer.textContent).toContain('塔里木农村商业银行');
    expect(offer.textContent).toContain('¥200,000.00 · 3.80% · 24');
    (el.querySelector('[data-testid="loan-accept"]') as HTMLButtonElement).click();
    http.expectOne(`/api/loans/${sampleLoan.id}/accept`).flush({ ...sampleLoan, state: 'ACCEPTED' });
    http.expectOne('/api/loan-applications?limit=100').flush({ items: [], total: 0 });
  });
});
