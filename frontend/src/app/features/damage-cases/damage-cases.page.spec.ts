import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { importProvidersFrom } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { TranslocoTestingModule } from '@jsverse/transloco';
import damageEn from '../../../../public/i18n/damage/en.json';
import en from '../../../../public/i18n/en.json';
import { AuthService } from '../../core/auth/auth.service';
import { provideAppIcons } from '../../core/icons/app-icons';
import { DamageCase } from './damage-cases.api';
import { DamageCasesPage } from './damage-cases.page';

function setUp(permissions: string[]): HttpTestingController {
  TestBed.configureTestingModule({
    providers: [
      provideRouter([{ path: '**', children: [] }]), provideHttpClient(), provideHttpClientTesting(), provideAppIcons(),
      importProvidersFrom(TranslocoTestingModule.forRoot({
        langs: { en: { ...en, damage: damageEn } },
        translocoConfig: { availableLangs: ['en'], defaultLang: 'en', missingHandler: { logMissingKey: false } },
        preloadLangs: true,
      })),
      { provide: AuthService, useValue: { permissions: () => new Set(permissions), user: () => ({ id: 'u1' }) } },
    ],
  });
  return TestBed.inject(HttpTestingController);
}

const resolved: DamageCase = {
  id: 'c1', caseNumber: '喀环损赔〔2026〕7号', responsibleName: '喀什建材协同处置有限公司', site: '排口', region: '喀什', damageType: 'water_pollution', description: '超标排放', occurredOn: '2026-06-03',
  state: 'RESOLVED', totalDueFen: 240_000_000, paidFen: 80_000_000, outstandingFen: 160_000_000, restoration: { progressPct: 40 }, assessment: null,
  allowedActions: ['recordPayment', 'updateRestoration', 'submitForReview'], creditRepairEvidence: false, pointsEvent: { type: 'general_environmental_incident', stored: true },
};

describe('DamageCasesPage', () => {
  it('lists cases with paid and due amounts and records a payment in exact fen on the selected case', async () => {
    const http = setUp(['damage.manage', 'damage.review']);
    const fixture = TestBed.createComponent(DamageCasesPage);
    await fixture.whenStable();
    http.expectOne((r) => r.url === '/api/damage-cases').flush({ items: [resolved], total: 1 });
    http.expectOne('/api/damage-subjects').flush([]);
    await fixture.whenStable();
    const el: HTMLElement = fixture.nativeElement;
    const row = el.querySelector('[data-testid="damage-row"]') as HTMLElement;
    expect(row.textContent).toContain('¥800,000.00 / ¥2,400,000.00');
    row.click();
    await fixture.whenStable();
    expect(el.querySelector('[data-testid="damage-points"]')).not.toBeNull();
    const page = fixture.componentInstance as unknown as { f: Record<string, unknown>; act(c: DamageCase): void };
    Object.assign(page.f, { amount: '800000.00', date: '2027-04-28', text: '国库缴款书 02' });
    page.act(resolved);
    const req = http.expectOne('/api/damage-cases/c1/payments');
    expect(req.request.body).toEqual({ amountFen: 80_000_000, paidOn: '2027-04-28', reference: '国库缴款书 02' });
  });

  it('uploads restoration evidence, lists its SHA-256 and sends its id with the progress', async () => {
    const http = setUp(['damage.manage', 'damage.review']);
    const fixture = TestBed.createComponent(DamageCasesPage);
    await fixture.whenStable();
    http.expectOne((r) => r.url === '/api/damage-cases').flush({ items: [resolved], total: 1 });
    http.expectOne('/api/damage-subjects').flush([]);
    await fixture.whenStable();
    const el: HTMLElement = fixture.nativeElement;
    (el.querySelector('[data-testid="damage-row"]') as HTMLElement).click();
    await fixture.whenStable();
    const file = new File(['jpeg'], '修复现场.jpg', { type: 'image/jpeg' });
    const input = el.querySelector('[data-testid="restoration-evidence-file"]') as HTMLInputElement;
    Object.defineProperty(input, 'files', { value: [file] });
    input.dispatchEvent(new Event('change'));
    const upload = http.expectOne('/api/documents');
    expect([upload.request.headers.get('X-Filename'), upload.request.headers.get('Content-Type'), upload.request.body]).toEqual([encodeURIComponent('修复现场.jpg'), 'image/jpeg', file]);
    upload.flush({ id: 'd7', filename: '修复现场.jpg', sha256: 'ef'.repeat(32) });
    await fixture.whenStable();
    expect(el.querySelector('[data-testid="restoration-evidence-document"]')!.textContent).toContain(`SHA-256 ${'ef'.repeat(32)}`);
    const page = fixture.componentInstance as unknown as { f: Record<string, unknown>; restore(c: DamageCase): void };
    Object.assign(page.f, { progress: 70, note: '河道底泥清理完成' });
    page.restore(resolved);
    expect(http.expectOne('/api/damage-cases/c1/restoration').request.body).toEqual({ progressPct: 70, note: '河道底泥清理完成', documentIds: ['d7'] });
  });

  it('shows an enterprise its own cases read only: amounts and restoration, no steps, no case opening', async () => {
    const http = setUp(['damage.read', 'points.own.read', 'loans.apply']);
    const fixture = TestBed.createComponent(DamageCasesPage);
    await fixture.whenStable();
    http.expectOne((r) => r.url === '/api/damage-cases' && r.params.get('limit') === '100').flush({ items: [resolved], total: 1 });
    http.expectNone('/api/damage-subjects');
    await fixture.whenStable();
    const el: HTMLElement = fixture.nativeElement;
    expect(el.querySelector('[data-testid="damage-reader-note"]')!.textContent).toContain('in which your organisation is the responsible party');
    const row = el.querySelector('[data-testid="damage-row"]') as HTMLElement;
    expect(row.textContent).toContain('¥800,000.00 / ¥2,400,000.00');
    expect(row.textContent).toContain('40 %');
    row.click();
    await fixture.whenStable();
    expect(el.querySelector('[data-testid="damage-detail"]')).not.toBeNull();
    for (const id of ['damage-act', 'damage-restoration', 'damage-submit', 'damage-close', 'damage-open-form', 'restoration-evidence']) expect(el.querySelector(`[data-testid="${id}"]`)).toBeNull();
    http.verify();
  });

  it('tells a bank officer these are the cases of its applicants', async () => {
    const http = setUp(['damage.read', 'loans.review']);
    const fixture = TestBed.createComponent(DamageCasesPage);
    await fixture.whenStable();
    http.expectOne((r) => r.url === '/api/damage-cases').flush({ items: [resolved], total: 1 });
    await fixture.whenStable();
    const el: HTMLElement = fixture.nativeElement;
    expect(el.querySelector('[data-testid="damage-reader-note"]')!.textContent).toContain('enterprises that have applied to your bank');
    expect(el.querySelectorAll('[data-testid="damage-row"]').length).toBe(1);
  });
});
