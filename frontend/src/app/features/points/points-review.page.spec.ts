import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideAppIcons } from '../../core/icons/app-icons';
import { PointsReviewPage } from './points-review.page';
import { providePointsTranslocoTesting } from './points-testing';

const objection = { id: 'c1', kind: 'objection', subjectId: 's1', target: 'ledger_entry', reason: '处罚对象有误', state: 'submitted', filedAt: '2026-11-01T00:00:00Z', dueBy: '2026-11-11T00:00:00Z', overdue: true };
const submission = { id: 'i1', subjectId: 's2', indicatorId: 'discharge_compliance', value: 98, period: '2026', documentIds: ['d1'], documentHashes: ['ab'.repeat(32)], state: 'submitted', submittedAt: '2026-11-20T00:00:00Z' };

describe('PointsReviewPage', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), providePointsTranslocoTesting('en'), provideAppIcons()] });
    http = TestBed.inject(HttpTestingController);
  });

  async function render() {
    const fixture = TestBed.createComponent(PointsReviewPage);
    await fixture.whenStable();
    http.expectOne((r) => r.url === '/api/points/cases').flush({ items: [objection], total: 1 });
    http.expectOne((r) => r.url === '/api/points/indicator-submissions').flush({ items: [submission], total: 1 });
    await fixture.whenStable();
    return { fixture, el: fixture.nativeElement as HTMLElement };
  }

  it('flags overdue objections and shows submissions with their evidence hash', async () => {
    const { el } = await render();
    expect(el.querySelector('[data-testid="review-case"]')!.getAttribute('data-overdue')).toBe('true');
    expect(el.querySelector('[data-testid="review-overdue"]')!.textContent).toBe('Overdue');
    expect(el.querySelector('[data-testid="review-submission"]')!.textContent).toContain('discharge_compliance = 98 (2026)');
  });

  it('accepts an objection with a note and reloads the queue', async () => {
    const { el } = await render();
    el.querySelector<HTMLButtonElement>('[data-testid="case-accept"]')!.click();
    const req = http.expectOne('/api/points/cases/c1/decision');
    expect(req.request.body).toEqual({ decision: 'accept', note: '核验完成' });
    req.flush({ ...objection, state: 'accepted' });
    http.expectOne((r) => r.url === '/api/points/cases').flush({ items: [], total: 0 });
    http.expectOne((r) => r.url === '/api/points/indicator-submissions').flush({ items: [], total: 0 });
  });

  it('rejects an indicator submission', async () => {
    const { el } = await render();
    el.querySelector<HTMLButtonElement>('[data-testid="submission-reject"]')!.click();
    expect(http.expectOne('/api/points/indicator-submissions/i1/decision').request.body).toEqual({ decision: 'reject', note: '核验完成' });
  });
});
