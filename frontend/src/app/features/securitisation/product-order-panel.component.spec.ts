import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { importProvidersFrom } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { TranslocoTestingModule } from '@jsverse/transloco';
import en from '../../../../public/i18n/en.json';
import securitisationEn from '../../../../public/i18n/securitisation/en.json';
import { AuthService } from '../../core/auth/auth.service';
import { Asset } from '../assets/assets.models';
import { ProductOrderPanelComponent } from './product-order-panel.component';

const SELLER = 's'.repeat(24);
const BANK = 'b'.repeat(24);

function setUp(permissions: string[], user: { subject: string | null; institution: string | null }): HttpTestingController {
  TestBed.configureTestingModule({
    providers: [
      provideHttpClient(), provideHttpClientTesting(),
      importProvidersFrom(TranslocoTestingModule.forRoot({
        langs: { en: { ...en, securitisation: securitisationEn } },
        translocoConfig: { availableLangs: ['en'], defaultLang: 'en', missingHandler: { logMissingKey: false } },
        preloadLangs: true,
      })),
      {
        provide: AuthService,
        useValue: {
          permissions: () => new Set(permissions),
          user: () => ({ id: 'u', subject: user.subject ? { id: user.subject } : null, institution: user.institution ? { id: user.institution } : null }),
        },
      },
    ],
  });
  return TestBed.inject(HttpTestingController);
}

const order = (over: Partial<Asset>): Asset => ({
  id: 'o'.repeat(24), subjectId: SELLER, assetType: 'product_order', certificateNumber: 'PO-2026-0001', name: '薄皮核桃供货合同',
  details: { orderNumber: 'HT-2026-1129-01', product: '薄皮核桃', amountFen: 1_000_000, paymentDate: '2027-03-09' },
  priceReference: null, documents: [], state: 'draft', review: null, encumbrance: { status: 'free', loanId: null, institutionId: null },
  pledgedLoan: null, lastValuation: null, orderConfirmation: null, orderPayments: [], createdAt: '2026-11-29', ...over,
});

async function render(asset: Asset) {
  const fixture = TestBed.createComponent(ProductOrderPanelComponent);
  fixture.componentRef.setInput('asset', asset);
  const changed: Asset[] = [];
  fixture.componentInstance.changed.subscribe((a) => {
    changed.push(a);
    fixture.componentRef.setInput('asset', a);
  });
  await fixture.whenStable();
  return { fixture, el: fixture.nativeElement as HTMLElement, changed };
}

async function type(fixture: { whenStable(): Promise<unknown> }, input: HTMLInputElement, value: string): Promise<void> {
  input.value = value;
  input.dispatchEvent(new Event('input'));
  await fixture.whenStable();
}

describe('ProductOrderPanelComponent', () => {
  it('lets the seller attach the buyer’s signed confirmation to its draft order: uploaded raw with X-Filename, SHA-256 shown, then attached by document id', async () => {
    const http = setUp(['assets.register'], { subject: SELLER, institution: null });
    const { fixture, el, changed } = await render(order({}));
    expect(el.querySelector('[data-testid="order-payment-form"]')).toBeNull();
    const file = new File(['signed'], '买方确认函.pdf', { type: 'application/pdf' });
    const input = el.querySelector<HTMLInputElement>('[data-testid="signed-confirmation-file"]')!;
    Object.defineProperty(input, 'files', { value: [file] });
    input.dispatchEvent(new Event('change'));
    const upload = http.expectOne('/api/documents');
    expect([upload.request.method, upload.request.body, upload.request.headers.get('X-Filename'), upload.request.headers.get('Content-Type')])
      .toEqual(['POST', file, encodeURIComponent('买方确认函.pdf'), 'application/pdf']);
    const sha256 = 'ab'.repeat(32);
    upload.flush({ id: 'd'.repeat(24), sha256, filename: '买方确认函.pdf' });
    await fixture.whenStable();
    expect(el.querySelector('[data-testid="signed-confirmation-uploaded"]')!.textContent).toContain(sha256);

    el.querySelector<HTMLButtonElement>('[data-testid="signed-confirmation-attach"]')!.click();
    const attach = http.expectOne(`/api/product-orders/${'o'.repeat(24)}/signed-confirmation`);
    expect([attach.request.method, attach.request.body]).toEqual(['POST', { documentId: 'd'.repeat(24) }]);
    const document = { id: 'd'.repeat(24), filename: '买方确认函.pdf', sha256 };
    attach.flush(order({ orderConfirmation: { method: 'signed_document', at: '2026-11-29', document }, documents: [document] }));
    await fixture.whenStable();
    expect(changed.map((a) => a.orderConfirmation?.method)).toEqual(['signed_document']);
    const confirmation = el.querySelector('[data-testid="order-confirmation"]')!;
    expect([confirmation.getAttribute('data-method'), confirmation.textContent!.includes(sha256)]).toEqual(['signed_document', true]);
    expect(el.querySelector('[data-testid="signed-confirmation-form"]')).toBeNull();
  });

  it('lets the pledgee bank record the buyer’s payments in exact fen: the loan is repaid first, the pledge released when the order is settled', async () => {
    const http = setUp(['loans.review'], { subject: null, institution: BANK });
    const pledged = order({ state: 'verified', orderConfirmation: { method: 'buyer_user', at: '2026-11-29' }, encumbrance: { status: 'pledged', loanId: 'l'.repeat(24), institutionId: BANK } });
    const { fixture, el, changed } = await render(pledged);
    expect(el.querySelector('[data-testid="signed-confirmation-form"]')).toBeNull();
    expect(el.querySelector('[data-testid="order-payment-form"]')!.textContent).toContain('¥10,000.00');
    await type(fixture, el.querySelector<HTMLInputElement>('[data-testid="order-payment-amount"]')!, '3,000.01');
    await type(fixture, el.querySelector<HTMLInputElement>('[data-testid="order-payment-date"]')!, '2026-11-29');
    el.querySelector<HTMLButtonElement>('[data-testid="order-payment-submit"]')!.click();
    const first = http.expectOne(`/api/product-orders/${'o'.repeat(24)}/payments`);
    expect(first.request.body).toEqual({ amountFen: 300_001, date: '2026-11-29' });
    const key1 = first.request.headers.get('Idempotency-Key')!;
    expect(key1).toMatch(/^order-pay-[0-9a-f-]{36}$/);
    const payment1 = { key: key1, amountFen: 300_001, date: '2026-11-29', loanId: 'l'.repeat(24), appliedToLoanFen: 300_001, recordedBy: 'bank.officer', at: '2026-11-29' };
    first.flush({
      order: { ...pledged, orderPayments: [payment1] }, settled: false,
      loan: { id: 'l'.repeat(24), state: 'ACTIVE', outstanding: { principalOutstandingFen: 100_000 }, repayments: [{ kind: 'repayment', seq: 1, amountFen: 300_001, date: '2026-11-29', appliedFen: 300_001, unappliedFen: 0, idempotencyKey: `order-payment:${key1}`, lines: [{ component: 'interest', amountFen: 1 }, { component: 'early_principal', amountFen: 300_000 }] }] },
    });
    await fixture.whenStable();
    expect(el.querySelector('[data-testid="order-payment-applied"]')!.textContent).toContain('¥3,000.01 applied to loan');
    expect(el.querySelector('[data-testid="order-payment-result"]')!.textContent).toContain('Early principal: ¥3,000.00');
    expect(el.querySelector('[data-testid="order-payment-settled"]')!.textContent).toContain('not settled yet');
    expect(el.querySelectorAll('[data-testid="order-payment-row"]')).toHaveLength(1);
    expect(el.querySelector('[data-testid="order-payment-form"]')!.textContent).toContain('¥6,999.99');

    await type(fixture, el.querySelector<HTMLInputElement>('[data-testid="order-payment-amount"]')!, '6999.99');
    el.querySelector<HTMLButtonElement>('[data-testid="order-payment-submit"]')!.click();
    const second = http.expectOne(`/api/product-orders/${'o'.repeat(24)}/payments`);
    expect(second.request.body).toEqual({ amountFen: 699_999, date: '2026-11-29' });
    const key2 = second.request.headers.get('Idempotency-Key')!;
    expect(key2).not.toBe(key1);
    second.flush({
      order: { ...pledged, encumbrance: { status: 'free', loanId: null, institutionId: null }, orderPayments: [payment1, { ...payment1, key: key2, amountFen: 699_999, appliedToLoanFen: 100_000 }] }, settled: true,
      loan: { id: 'l'.repeat(24), state: 'CLOSED', outstanding: { principalOutstandingFen: 0 }, repayments: [{ kind: 'repayment', seq: 2, amountFen: 699_999, date: '2026-11-29', appliedFen: 100_000, unappliedFen: 599_999, idempotencyKey: `order-payment:${key2}`, lines: [{ component: 'early_principal', amountFen: 100_000 }, { component: 'unapplied', amountFen: 599_999 }] }] },
    });
    await fixture.whenStable();
    expect(el.querySelector('[data-testid="order-payment-result"]')!.getAttribute('data-settled')).toBe('true');
    expect(el.querySelector('[data-testid="order-payment-applied"]')!.textContent).toContain('¥1,000.00 applied to loan');
    expect(el.querySelector('[data-testid="order-payment-loan"]')!.textContent).toContain('CLOSED');
    expect(el.querySelector('[data-testid="order-payment-settled"]')!.textContent).toContain('The order is settled: its pledge is released. · Free');
    expect(changed.map((a) => a.encumbrance.status)).toEqual(['pledged', 'free']);
    // released: the order is no longer the bank's collateral, so no more payments are offered
    expect(el.querySelector('[data-testid="order-payment-form"]')).toBeNull();
  });

  it('offers neither form to someone else', async () => {
    setUp(['loans.review'], { subject: null, institution: 'x'.repeat(24) });
    const { el } = await render(order({ state: 'verified', encumbrance: { status: 'pledged', loanId: 'l'.repeat(24), institutionId: BANK } }));
    expect(el.querySelector('[data-testid="order-payment-form"]')).toBeNull();
    expect(el.querySelector('[data-testid="signed-confirmation-form"]')).toBeNull();
    expect(el.querySelector('[data-testid="order-confirmation"]')!.textContent).toContain('Not confirmed');
  });
});
