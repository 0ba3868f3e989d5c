import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { provideAppIcons } from '../../core/icons/app-icons';
import { provideTranslocoTesting } from '../../../testing/transloco-testing';
import { JobsPage, clampProgress } from './jobs.page';

describe('clampProgress', () => {
  it('keeps progress within 0–100', () => {
    expect(clampProgress(42.4)).toBe(42);
    expect(clampProgress(140)).toBe(100);
    expect(clampProgress(-3)).toBe(0);
    expect(clampProgress(null)).toBe(0);
    expect(clampProgress(Number.NaN)).toBe(0);
  });
});

describe('JobsPage', () => {
  it('shows each job with its status and progress', async () => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideTranslocoTesting('en'),
        provideAppIcons(),
      ],
    });
    const http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(JobsPage);
    await fixture.whenStable();
    http.expectOne('/api/jobs').flush({
      items: [
        {
          name: 'recompute-points',
          description: 'Recompute eco-points',
          status: 'running',
          progress: 37,
          lastRunAt: '2026-11-29T06:00:00Z',
          lastFinishedAt: null,
          lastError: null,
          nextRunAt: null,
        },
        {
          name: 'expire-tokens',
          description: 'Expire refresh tokens',
          status: 'failed',
          progress: 100,
          lastRunAt: '2026-11-29T05:00:00Z',
          lastFinishedAt: '2026-11-29T05:00:01Z',
          lastError: 'connection reset',
          nextRunAt: '2026-11-29T07:00:00Z',
        },
      ],
    });
    await fixture.whenStable();
    const el: HTMLElement = fixture.nativeElement;
    const rows = el.querySelectorAll('tr[data-job]');
    expect(rows).toHaveLength(2);
    expect(rows[0]!.textContent).toContain('Running');
    expect(rows[0]!.textContent).toContain('37%');
    expect(rows[1]!.textContent).toContain('Failed');
    expect(rows[1]!.textContent).toContain('connection reset');
    expect(el.querySelectorAll('mat-progress-bar')).toHaveLength(2);
    // Signed out in this test: no "run now" column.
    expect(el.querySelector('[data-testid^="job-run-"]')).toBeNull();
    fixture.destroy();
  });
});
