import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { importProvidersFrom } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { TranslocoTestingModule } from '@jsverse/transloco';
import tradingEn from '../../../../public/i18n/trading/en.json';
import en from '../../../../public/i18n/en.json';
import { AuthService } from '../../core/auth/auth.service';
import { provideAppIcons } from '../../core/icons/app-icons';
import { TradingConsentsPage } from './trading-consents.page';
import { TradingPage } from './trading.page';
import { yuanToFen } from './trading.models';

function setUp(permissions: string[]): HttpTestingController {
  TestBed.configureTestingModule({
    providers: [
      provideRouter([{ path: '**', children: [] }]), provideHttpClient(), provideHttpClientTesting(), provideAppIcons(),
      importProvidersFrom(TranslocoTestingModule.forRoot({
        langs: { en: { ...en, trading: tradingEn } },
        translocoConfig: { availableLangs: ['en'], defaultLang: 'en', missingHandler: { logMissingKey: false } },
        preloadLangs: true,
      })),
      { provide: AuthService, useValue: { permissions: () => new Set(permissions), user: () => ({ id: 'u1' }) } },
    ],
  });
  return TestBed.inject(HttpTestingController);
}

describe('yuanToFen', () => {
  it('reads yuan with up to two decimals exactly', () => {
    expect([yuanToFen('0.42'), yuanToFen('8050'), yuanToFen('70.5'), yuanToFen('1.234'), yuanToFen('-1')]).toEqual([42, 805_000, 7_050, null, null]);
  });
});

describe('TradingPage', () => {
  it('shows the market’s book by price level and places a bid in fen per unit', async () => {
    const http = setUp(['trading.trade']);
    const fixture = TestBed.createComponent(TradingPage);
    await fixture.whenStable();
    http.expectOne('/api/trading/markets').flush([{ assetType: 'water_right', unit: 'm3', lot: 1000, title: false, priceUnit: 'yuan/m3' }]);
    http.expectOne((r) => r.url === '/api/assets').flush({ items: [] });
    http.expectOne((r) => r.url === '/api/trading/orders').flush({ items: [], total: 0 });
    http.expectOne((r) => r.url === '/api/trading/trades').flush({ items: [], total: 0 });
    http.expectOne((r) => r.url === '/api/trading/book').flush({ market: 'water_right|water_lease:塔里木河', asks: [{ priceFen: 18, quantity: 200_000 }], bids: [{ priceFen: 15, quantity: 3_000 }] });
    await fixture.whenStable();
    const el: HTMLElement = fixture.nativeElement;
    expect(el.querySelector('[data-testid="book-ask"]')!.textContent).toContain('¥0.18');
    expect(el.querySelector('[data-testid="book-bid"]')!.textContent).toContain('3000');
    const page = fixture.componentInstance as unknown as { bidForm: { quantity: number; price: string }; placeBid(): void };
    page.bidForm.quantity = 2_000;
    page.bidForm.price = '0.18';
    page.placeBid();
    const req = http.expectOne('/api/trading/bids');
    expect(req.request.body).toEqual({ assetType: 'water_right', priceReference: 'water_lease:塔里木河', quantity: 2_000, priceFen: 18 });
  });
});

describe('TradingConsentsPage', () => {
  it('lets the pledgee bank consent to an offer waiting for it, with its note', async () => {
    const http = setUp(['trading.consent']);
    const fixture = TestBed.createComponent(TradingConsentsPage);
    await fixture.whenStable();
    http.expectOne((r) => r.url === '/api/trading/orders').flush({ items: [{ id: 'o1', side: 'sell', market: 'carbon|carbon:CCER', assetType: 'carbon', priceReference: 'carbon:CCER', kind: 'sale', assetId: 'a1', priceFen: 7_050, quantity: 1_000, remaining: 1_000, state: 'AWAITING_CONSENT', consent: { institutionId: 'b1', decision: 'pending' }, placedAt: '2026-11-29T08:00:00Z' }], total: 1 });
    await fixture.whenStable();
    const el: HTMLElement = fixture.nativeElement;
    (el.querySelector('[data-testid="consent-yes"]') as HTMLButtonElement).click();
    const req = http.expectOne('/api/trading/orders/o1/consent');
    expect(req.request.body).toEqual({ decision: 'consent', note: '同意转让' });
  });
});
