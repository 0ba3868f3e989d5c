import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { importProvidersFrom } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { ActivatedRoute, convertToParamMap, provideRouter } from '@angular/router';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { of } from 'rxjs';
import traceEn from '../../../../public/i18n/traceability/en.json';
import en from '../../../../public/i18n/en.json';
import { AuthService } from '../../core/auth/auth.service';
import { provideAppIcons } from '../../core/icons/app-icons';
import { PublicTracePage } from './public-trace.page';
import { TraceabilityPage } from './traceability.page';
import { TraceView } from './traceability.models';

function setUp(permissions: string[], code: string | null = null): HttpTestingController {
  TestBed.configureTestingModule({
    providers: [
      provideRouter([{ path: '**', children: [] }]), provideHttpClient(), provideHttpClientTesting(), provideAppIcons(),
      importProvidersFrom(TranslocoTestingModule.forRoot({
        langs: { en: { ...en, traceability: traceEn } },
        translocoConfig: { availableLangs: ['en'], defaultLang: 'en', missingHandler: { logMissingKey: false } },
        preloadLangs: true,
      })),
      { provide: AuthService, useValue: { permissions: () => new Set(permissions), user: () => ({ id: 'u1' }) } },
      { provide: ActivatedRoute, useValue: { paramMap: of(convertToParamMap(code ? { code } : {})) } },
    ],
  });
  return TestBed.inject(HttpTestingController);
}

const step = (seq: number, type: TraceView['chain'][number]['type'], performerName: string, valid = true) => ({
  seq, type, performedAt: `2026-09-2${seq}T02:00:00.000Z`, location: '温宿县', description: `环节 ${seq}`, quantity: null, prevHash: '0'.repeat(64), hash: 'ab'.repeat(32),
  performerName, performerKind: 'institution' as const, signatureValid: valid, hashValid: valid, linkValid: true, documents: [],
});

const trace = (ok: boolean, validity: 'valid' | 'expired'): TraceView => ({
  batch: { id: 'b1', code: 'XJ-2026-AKSU01', productName: '阿克苏薄皮核桃', quantity: 12_000, unit: 'kg', createdAt: '2026-11-29T08:00:00Z', producerName: '阿克苏核桃林下经济合作社', origin: { assetId: 'a1', assetType: 'forest_right', assetName: '温宿县核桃经济林林权', certificateNumber: '新(2023)温宿县林权第0158号' } },
  certificate: { certificateNumber: 'XJPZ-2026-0088', scheme: 'xinjiang_quality', productName: '阿克苏薄皮核桃', scope: '核桃', validFrom: '2026-01-01', validUntil: '2028-12-31', validity, valid: validity === 'valid', certifierName: '新疆品质认证中心（演示）' },
  chain: [step(1, 'harvest', '合作社'), step(2, 'processing', '合作社'), step(3, 'inspection', '认证中心', ok)],
  verification: ok ? { ok: true, checked: 3, firstBroken: null } : { ok: false, checked: 3, firstBroken: { seq: 3, reason: 'its contents do not match its hash (the step was changed)' } },
  checkedOn: '2026-11-29',
});

describe('PublicTracePage', () => {
  it('looks the label code up without a login and shows the verified chain and the valid certificate', async () => {
    const http = setUp([], 'XJ-2026-AKSU01');
    const fixture = TestBed.createComponent(PublicTracePage);
    await fixture.whenStable();
    http.expectOne('/api/public/products/XJ-2026-AKSU01').flush(trace(true, 'valid'));
    await fixture.whenStable();
    const el: HTMLElement = fixture.nativeElement;
    expect(el.querySelector('[data-testid="trace-verification"]')!.getAttribute('data-ok')).toBe('true');
    expect(el.querySelector('[data-testid="trace-verification"]')!.textContent).toContain('The custody chain verifies: 3 steps');
    expect(el.querySelector('[data-testid="trace-certificate-validity"]')!.textContent!.trim()).toBe('Valid');
    expect([...el.querySelectorAll('[data-testid="trace-step"]')].map((s) => s.getAttribute('data-type'))).toEqual(['harvest', 'processing', 'inspection']);
    expect(el.querySelector('[data-testid="trace-qr"]')!.getAttribute('src')).toMatch(/^\/api\/public\/products\/XJ-2026-AKSU01\/qr\.svg\?origin=/);
  });

  it('shows a broken chain at the first bad step and an expired certificate as invalid', async () => {
    const http = setUp([], 'XJ-2026-AKSU01');
    const fixture = TestBed.createComponent(PublicTracePage);
    await fixture.whenStable();
    http.expectOne('/api/public/products/XJ-2026-AKSU01').flush(trace(false, 'expired'));
    await fixture.whenStable();
    const el: HTMLElement = fixture.nativeElement;
    expect(el.querySelector('[data-testid="trace-verification"]')!.getAttribute('data-ok')).toBe('false');
    expect(el.querySelector('[data-testid="trace-verification"]')!.textContent).toContain('from step 3');
    expect(el.querySelector('[data-testid="trace-broken-reason"]')!.textContent).toContain('the step was changed');
    expect(el.querySelector('[data-testid="trace-certificate-validity"]')!.textContent!.trim()).toBe('Expired');
    expect([...el.querySelectorAll('[data-testid="trace-step"]')].map((s) => s.getAttribute('data-valid'))).toEqual(['true', 'true', 'false']);
  });
});

describe('TraceabilityPage', () => {
  it('lets a certifier issue a certificate for a producer and lists its certificates', async () => {
    const http = setUp(['certification.certify', 'custody.record']);
    const fixture = TestBed.createComponent(TraceabilityPage);
    await fixture.whenStable();
    http.expectOne((r) => r.url === '/api/certificates').flush({ items: [], total: 0 });
    http.expectOne((r) => r.url === '/api/product-batches').flush({ items: [], total: 0 });
    http.expectOne('/api/certification/producers').flush([{ id: 'p1', name: '阿克苏核桃林下经济合作社', code: 'X' }]);
    await fixture.whenStable();
    const el: HTMLElement = fixture.nativeElement;
    expect(el.querySelector('[data-testid="certificate-form"]')).not.toBeNull();
    expect(el.querySelector('[data-testid="batch-form"]')).toBeNull();
    const page = fixture.componentInstance as unknown as { cert: Record<string, string>; issue(): void };
    Object.assign(page.cert, { certificateNumber: 'XJPZ-2026-0300', producerSubjectId: 'p1', productName: '核桃', scope: '种植', validFrom: '2026-01-01', validUntil: '2027-12-31' });
    page.issue();
    const req = http.expectOne('/api/certificates');
    expect(req.request.method).toBe('POST');
    expect(req.request.body).toEqual({ certificateNumber: 'XJPZ-2026-0300', scheme: 'xinjiang_quality', producerSubjectId: 'p1', productName: '核桃', scope: '种植', validFrom: '2026-01-01', validUntil: '2027-12-31', documentIds: [] });
  });

  it('uploads the certificate document (raw body, X-Filename), lists its SHA-256 and sends its id with the certificate; a custody step sends its own', async () => {
    const http = setUp(['certification.certify', 'custody.record']);
    const fixture = TestBed.createComponent(TraceabilityPage);
    await fixture.whenStable();
    http.expectOne((r) => r.url === '/api/certificates').flush({ items: [], total: 0 });
    http.expectOne((r) => r.url === '/api/product-batches').flush({ items: [], total: 0 });
    http.expectOne('/api/certification/producers').flush([{ id: 'p1', name: '阿克苏核桃林下经济合作社', code: 'X' }]);
    await fixture.whenStable();
    const el: HTMLElement = fixture.nativeElement;
    const file = new File(['%PDF-1.4 证书'], '新疆品质认证证书.pdf', { type: 'application/pdf' });
    const input = el.querySelector('[data-testid="certificate-evidence-file"]') as HTMLInputElement;
    Object.defineProperty(input, 'files', { value: [file] });
    input.dispatchEvent(new Event('change'));
    const upload = http.expectOne('/api/documents');
    expect([upload.request.method, upload.request.headers.get('X-Filename'), upload.request.headers.get('Content-Type'), upload.request.body]).toEqual(['POST', encodeURIComponent('新疆品质认证证书.pdf'), 'application/pdf', file]);
    upload.flush({ id: 'd1', filename: '新疆品质认证证书.pdf', sha256: 'ab'.repeat(32) });
    await fixture.whenStable();
    const listed = el.querySelector('[data-testid="certificate-evidence-document"]')!;
    expect([listed.querySelector('span')!.textContent, listed.querySelector('code')!.textContent]).toEqual(['新疆品质认证证书.pdf', `SHA-256 ${'ab'.repeat(32)}`]);
    const page = fixture.componentInstance as unknown as { cert: Record<string, string>; step: Record<string, string>; issue(): void; append(): void; stepDocuments: { set(d: unknown[]): void } };
    Object.assign(page.cert, { certificateNumber: 'XJPZ-2026-0301', producerSubjectId: 'p1', productName: '核桃', scope: '种植', validFrom: '2026-01-01', validUntil: '2027-12-31' });
    page.issue();
    const issued = http.expectOne('/api/certificates');
    expect(issued.request.body).toEqual({ certificateNumber: 'XJPZ-2026-0301', scheme: 'xinjiang_quality', producerSubjectId: 'p1', productName: '核桃', scope: '种植', validFrom: '2026-01-01', validUntil: '2027-12-31', documentIds: ['d1'] });
    issued.flush({ id: 'c1' });
    http.expectOne((r) => r.url === '/api/certificates').flush({ items: [], total: 0 });
    http.expectOne((r) => r.url === '/api/product-batches').flush({ items: [], total: 0 });
    await fixture.whenStable();
    expect(el.querySelector('[data-testid="certificate-evidence-document"]')).toBeNull();

    page.stepDocuments.set([{ id: 'd2', filename: '检测报告.pdf', sha256: 'cd'.repeat(32) }]);
    Object.assign(page.step, { batchCode: ' xj-2026-aksu09 ', type: 'inspection', performedAt: '2026-09-25T11:00', location: '阿克苏检测室', description: '抽检 20 个样品' });
    page.append();
    expect(http.expectOne('/api/custody-steps').request.body).toEqual({
      batchCode: 'XJ-2026-AKSU09', type: 'inspection', performedAt: new Date('2026-09-25T11:00').toISOString(), location: '阿克苏检测室', description: '抽检 20 个样品', documentIds: ['d2'],
    });
  });
});
