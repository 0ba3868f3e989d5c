import { TestBed } from '@angular/core/testing';
import { LoanApplyPage } from './loan-apply.page';
import { setUpLoansTestBed } from './loans-testing';

const asset = { id: 'e'.repeat(24), name: '和田河墨玉段农业取水权', assetType: 'water_right', certificateNumber: 'B653200S2026-0001', lastValuation: { valueFen: 64_575_463 } };
const bank = { id: 'c'.repeat(24), name: '塔里木农村商业银行', nameEn: 'Tarim Rural Commercial Bank', region: '阿克苏' };
const use = { code: '1.4-water_saving_irrigation', zh: '高效节水灌溉', en: 'Water-saving irrigation', category: { code: '1', zh: '节能环保产业', en: 'Energy saving' } };

describe('LoanApplyPage', () => {
  it('saves the draft with the chosen asset and bank, then submits it', async () => {
    const http = setUpLoansTestBed(['loans.apply'], 'd'.repeat(24));
    const fixture = TestBed.createComponent(LoanApplyPage);
    await fixture.whenStable();
    http.expectOne('/api/loan-taxonomy').flush({ version: '2026.11.1', entries: [use] });
    http.expectOne('/api/loan-banks').flush([bank]);
    http.expectOne('/api/assets?state=verified&encumbrance=free&limit=100').flush({ items: [asset], total: 1 });
    await fixture.whenStable();
    const el: HTMLElement = fixture.nativeElement;
    const type = (testid: string, value: string) => {
      const input = el.querySelector(`[data-testid="${testid}"]`) as HTMLInputElement | HTMLSelectElement;
      input.value = value;
      input.dispatchEvent(new Event(input instanceof HTMLSelectElement ? 'change' : 'input'));
    };
    type('loan-amount', '200,000');
    type('loan-purpose', '滴灌改造');
    type('loan-taxonomy', use.code);
    (el.querySelector(`[data-testid="loan-asset-${asset.id}"] input`) as HTMLInputElement).click();
    (el.querySelector(`[data-testid="loan-bank-${bank.id}"] input`) as HTMLInputElement).click();
    await fixture.whenStable();
    (el.querySelector('[data-testid="loan-submit"]') as HTMLButtonElement).click();
    const draft = http.expectOne('/api/loan-applications');
    expect(draft.request.body).toEqual({
      repaymentMethod: 'equal_instalment', frequency: 'monthly', assetIds: [asset.id], bankIds: [bank.id], documentIds: [],
      amountFen: 20_000_000, termMonths: 24, purpose: '滴灌改造', taxonomyCode: use.code,
    });
    draft.flush({ id: 'f'.repeat(24), state: 'DRAFT' });
    http.expectOne(`/api/loan-applications/${'f'.repeat(24)}/submit`).flush({ id: 'f'.repeat(24), state: 'SUBMITTED' });
  });
});

describe('LoanApplyPage documents', () => {
  it('uploads a chosen file and attaches it to the draft', async () => {
    const http = setUpLoansTestBed(['loans.apply'], 'd'.repeat(24));
    const fixture = TestBed.createComponent(LoanApplyPage);
    await fixture.whenStable();
    http.expectOne('/api/loan-taxonomy').flush({ version: '2026.11.1', entries: [] });
    http.expectOne('/api/loan-banks').flush([]);
    http.expectOne('/api/assets?state=verified&encumbrance=free&limit=100').flush({ items: [], total: 0 });
    const el: HTMLElement = fixture.nativeElement;
    const input = el.querySelector('[data-testid="loan-document"]') as HTMLInputElement;
    const file = new File(['%PDF-1.4 财务报表'], '财务报表.pdf', { type: 'application/pdf' });
    Object.defineProperty(input, 'files', { value: [file] });
    input.dispatchEvent(new Event('change'));
    const upload = http.expectOne('/api/documents');
    expect(upload.request.headers.get('X-Filename')).toBe(encodeURIComponent('财务报表.pdf'));
    upload.flush({ id: '1'.repeat(24), filename: '财务报表.pdf', sha256: 'ab'.repeat(32) });
    await fixture.whenStable();
    expect(el.querySelector('[data-testid="loan-documents"]')!.textContent).toContain('财务报表.pdf');
    (el.querySelector('[data-testid="loan-save-draft"]') as HTMLButtonElement).click();
    expect(http.expectOne('/api/loan-applications').request.body.documentIds).toEqual(['1'.repeat(24)]);
  });
});
