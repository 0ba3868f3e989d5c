import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { importProvidersFrom } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { TranslocoTestingModule } from '@jsverse/transloco';
import en from '../../../../public/i18n/en.json';
import securitisationEn from '../../../../public/i18n/securitisation/en.json';
import { AuthService } from '../../core/auth/auth.service';
import { provideAppIcons } from '../../core/icons/app-icons';
import { PoolDetailPage } from './pool-detail.page';
import { PoolsPage } from './pools.page';
import { ProductOrdersPage } from './product-orders.page';
import { Pool } from './securitisation.models';

function setUp(permissions: string[]): HttpTestingController {
  TestBed.configureTestingModule({
    providers: [
      provideRouter([{ path: '**', children: [] }]), provideHttpClient(), provideHttpClientTesting(), provideAppIcons(),
      importProvidersFrom(TranslocoTestingModule.forRoot({
        langs: { en: { ...en, securitisation: securitisationEn } },
        translocoConfig: { availableLangs: ['en'], defaultLang: 'en', missingHandler: { logMissingKey: false } },
        preloadLangs: true,
      })),
      { provide: AuthService, useValue: { permissions: () => new Set(permissions), user: () => ({ id: 'u', subject: null }) } },
    ],
  });
  return TestBed.inject(HttpTestingController);
}

const pool: Pool = {
  id: 'a'.repeat(24), name: '塔里木绿色水权质押贷款资产支持证券 2026-1', state: 'DRAFT', institutionId: 'b'.repeat(24), criteria: {}, loanIds: ['l1', 'l2'],
  eligibility: { asOf: '2026-11-29', candidates: 3, included: ['l1', 'l2'], excluded: [{ loanId: 'l3', failures: [{ criterion: 'SEASONING', reason: 'seasoned 1 months, fewer than 3' }] }] },
  statistics: {
    count: 2, balanceFen: 60_000_000, collateralValueFen: 200_000_000, weightedAverageRate: 0.038, weightedAverageRemainingMonths: 19, weightedAverageSeasoningMonths: 5,
    poolLtv: 0.3, ltvDistribution: [{ key: '≤50%', balanceFen: 60_000_000, count: 2, shareBp: 10_000 }], grades: [], prefectures: [], industries: [], greenCategories: [], largestBorrowerShareBp: 5_000,
  },
  structure: null, review: null, issue: null, trancheBalances: {}, servicerReports: [], configVersion: '2026.11.1', allowedActions: ['select', 'structure', 'cancel'],
};

describe('PoolsPage', () => {
  it('lists the bank’s pools with state and balance', async () => {
    const http = setUp(['securitisation.originate']);
    const fixture = TestBed.createComponent(PoolsPage);
    await fixture.whenStable();
    http.expectOne('/api/securitisation-pools?limit=100').flush({ items: [pool], total: 1 });
    await fixture.whenStable();
    const row: HTMLElement = fixture.nativeElement.querySelector('[data-testid="pool-row"]');
    expect(row.getAttribute('data-state')).toBe('DRAFT');
    expect(row.textContent).toContain('¥600,000.00');
    expect(row.textContent).toContain('Draft');
    expect(fixture.nativeElement.querySelector('[data-testid="pool-create"]')).not.toBeNull();
  });

  it('offers no new pool to a reviewer', async () => {
    const http = setUp(['securitisation.review']);
    const fixture = TestBed.createComponent(PoolsPage);
    await fixture.whenStable();
    http.expectOne('/api/securitisation-pools?limit=100').flush({ items: [], total: 0 });
    await fixture.whenStable();
    expect(fixture.nativeElement.querySelector('[data-testid="pool-create"]')).toBeNull();
    expect(fixture.nativeElement.querySelector('[data-testid="pools-empty"]')).not.toBeNull();
  });
});

describe('PoolDetailPage', () => {
  it('shows the eligibility report and sends criteria as decimals and tranches in whole fen', async () => {
    const http = setUp(['securitisation.originate']);
    const fixture = TestBed.createComponent(PoolDetailPage);
    fixture.componentRef.setInput('id', pool.id);
    await fixture.whenStable();
    http.expectOne(`/api/securitisation-pools/${pool.id}`).flush(pool);
    http.expectOne('/api/securitisation-reviewers').flush([{ id: 'r'.repeat(24), name: '天山绿色评估认证有限公司' }]);
    await fixture.whenStable();
    const el: HTMLElement = fixture.nativeElement;
    expect(el.querySelector('[data-testid="excluded-row"]')!.textContent).toContain('Seasoning');
    expect(el.querySelector('[data-testid="stat-balance"]')!.textContent).toBe('¥600,000.00');
    const page = fixture.componentInstance as unknown as { criteria: () => Record<string, unknown>; tranches: () => { sizeFen: number }[] };
    expect(page.criteria()).toEqual({ maxLtv: 0.7, minSeasoningMonths: 3 });
    expect(page.tranches().map((t) => t.sizeFen)).toEqual([48_000_000, 6_000_000, 6_000_000]);
    el.querySelector<HTMLButtonElement>('[data-testid="pool-select"]')!.click();
    const req = http.expectOne(`/api/securitisation-pools/${pool.id}/select`);
    expect(req.request.body).toEqual({ criteria: { maxLtv: 0.7, minSeasoningMonths: 3 } });
  });
});

describe('PoolDetailPage of a redeemed pool', () => {
  it('shows the holders’ losses of each tranche, junior first, and their total', async () => {
    const http = setUp(['securitisation.originate']);
    const fixture = TestBed.createComponent(PoolDetailPage);
    fixture.componentRef.setInput('id', pool.id);
    await fixture.whenStable();
    const redeemed: Pool = {
      ...pool, state: 'REDEEMED', allowedActions: [],
      structure: {
        tranches: [
          { name: '优先A', class: 'senior', sizeFen: 48_000_000, couponRate: 0.028 },
          { name: '中间B', class: 'mezzanine', sizeFen: 6_000_000, couponRate: 0.045 },
          { name: '次级', class: 'subordinated', sizeFen: 6_000_000, couponRate: 0 },
        ] as NonNullable<Pool['structure']>['tranches'],
        feeRate: 0.002, reserve: { initialFen: 0, targetFen: 0 }, reviewerInstitutionId: 'r'.repeat(24),
      },
      trancheBalances: { 优先A: 5_000_000, 中间B: 6_000_000, 次级: 6_000_000 },
      redemption: { at: '2026-12-31T16:00:00.000Z', lossesFen: { 优先A: 5_000_000, 中间B: 6_000_000, 次级: 6_000_000 }, totalLossFen: 17_000_000 },
    };
    http.expectOne(`/api/securitisation-pools/${pool.id}`).flush(redeemed);
    for (const req of http.match('/api/securitisation-reviewers')) req.flush([]);
    await fixture.whenStable();
    const el: HTMLElement = fixture.nativeElement;
    expect(Array.from(el.querySelectorAll('[data-testid="pool-redemption-loss"]')).map((e) => e.textContent!.trim())).toEqual(['优先A ¥50,000.00', '中间B ¥60,000.00', '次级 ¥60,000.00']);
    expect(el.querySelector('[data-testid="pool-redemption"]')!.textContent!.replace(/\s+/g, ' ')).toContain('total ¥170,000.00');
  });
});

describe('ProductOrdersPage', () => {
  it('lets the buyer confirm an unconfirmed order', async () => {
    const http = setUp(['assets.register']);
    const fixture = TestBed.createComponent(ProductOrdersPage);
    await fixture.whenStable();
    const order = { id: 'o'.repeat(24), name: '供货合同', state: 'verified', details: { orderNumber: 'AKS-HT-2026-032', buyerName: '和田', product: '薄皮核桃', amountFen: 12_000_000, paymentDate: '2027-04-28', deliveryDate: '2027-02-27' }, orderConfirmation: null, encumbrance: { status: 'free' } };
    http.expectOne('/api/product-orders/as-buyer?limit=100').flush({ items: [order], total: 1 });
    await fixture.whenStable();
    const el: HTMLElement = fixture.nativeElement;
    expect(el.querySelector('[data-testid="order-row"]')!.textContent).toContain('¥120,000.00');
    el.querySelector<HTMLButtonElement>('[data-testid="order-confirm"]')!.click();
    http.expectOne(`/api/product-orders/${order.id}/confirm`).flush({ ...order, orderConfirmation: { method: 'buyer_user', at: '2026-11-29' } });
    await fixture.whenStable();
    expect(el.querySelector('[data-testid="order-row"]')!.getAttribute('data-confirmed')).toBe('true');
    expect(el.querySelector('[data-testid="order-confirm"]')).toBeNull();
  });
});
