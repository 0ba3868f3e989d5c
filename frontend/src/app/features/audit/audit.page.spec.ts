import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideAppIcons } from '../../core/icons/app-icons';
import { provideTranslocoTesting } from '../../../testing/transloco-testing';
import { AuditPage, shortHash } from './audit.page';

const record = (seq: number) => ({
  seq,
  at: '2026-11-29T06:00:00Z',
  actor: { userId: 'u1', username: 'admin' },
  institutionId: 'i1',
  action: 'institutions.create',
  entityType: 'institution',
  entityId: `e${seq}`,
  requestId: `req-${seq}`,
  idempotencyKey: null,
  changes: { before: null, after: { name: '塔里木河流域银行' } },
  hash: 'a'.repeat(64),
  prevHash: 'b'.repeat(64),
});

describe('AuditPage', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideTranslocoTesting('en'),
        provideAppIcons(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  async function render() {
    const fixture = TestBed.createComponent(AuditPage);
    await fixture.whenStable();
    const list = http.expectOne((r) => r.url === '/api/audit');
    expect(list.request.params.get('limit')).toBe('20');
    expect(list.request.params.get('offset')).toBe('0');
    list.flush({ items: [record(2), record(1)], total: 2 });
    await fixture.whenStable();
    return { fixture, el: fixture.nativeElement as HTMLElement };
  }

  it('lists the records and expands one to show its changes', async () => {
    const { fixture, el } = await render();
    const rows = el.querySelectorAll<HTMLElement>('tr.record-row');
    expect(rows).toHaveLength(2);
    expect(rows[0]!.textContent).toContain('institutions.create');
    rows[0]!.click();
    await fixture.whenStable();
    expect(el.textContent).toContain('塔里木河流域银行');
  });

  it('verifies the chain and reports an intact chain', async () => {
    const { fixture, el } = await render();
    el.querySelector<HTMLButtonElement>('[data-testid="audit-verify"]')!.click();
    http.expectOne('/api/audit/verify').flush({ ok: true, checked: 2, firstBroken: null });
    await fixture.whenStable();
    const result = el.querySelector('[data-testid="audit-verify-result"]')!;
    expect(result.getAttribute('data-ok')).toBe('true');
    expect(result.textContent).toContain('intact');
    expect(result.textContent).toContain('2 records checked');
  });

  it('names the first broken link', async () => {
    const { fixture, el } = await render();
    el.querySelector<HTMLButtonElement>('[data-testid="audit-verify"]')!.click();
    http
      .expectOne('/api/audit/verify')
      .flush({ ok: false, checked: 7, firstBroken: { seq: 5, reason: 'hash mismatch' } });
    await fixture.whenStable();
    const result = el.querySelector('[data-testid="audit-verify-result"]')!;
    expect(result.getAttribute('data-ok')).toBe('false');
    expect(result.textContent).toContain('#5');
    expect(result.textContent).toContain('hash mismatch');
  });

  it('shortens hashes', () => {
    expect(shortHash('0123456789abcdef')).toBe('0123456789…');
    expect(shortHash(null)).toBe('—');
  });
});
