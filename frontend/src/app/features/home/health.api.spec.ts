import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { HealthApi } from './health.api';

describe('HealthApi', () => {
  let api: HealthApi;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    api = TestBed.inject(HealthApi);
    http = TestBed.inject(HttpTestingController);
  });

  const report = (status: string) => ({
    status,
    version: '0.1.0',
    database: { engine: 'mongo-java-server', state: status === 'ok' ? 'connected' : 'disconnected' },
    jobs: { running: true },
  });

  it('returns the report', async () => {
    const done = firstValueFrom(api.get());
    http.expectOne('/api/health').flush(report('ok'));
    expect((await done).database.engine).toBe('mongo-java-server');
  });

  it('treats a 503 carrying a report as a degraded report, not a failure', async () => {
    const done = firstValueFrom(api.get());
    http.expectOne('/api/health').flush(report('degraded'), { status: 503, statusText: 'Unavailable' });
    expect((await done).status).toBe('degraded');
  });

  it('fails on other errors', async () => {
    const done = firstValueFrom(api.get());
    http.expectOne('/api/health').flush('bad gateway', { status: 502, statusText: 'Bad Gateway' });
    await expect(done).rejects.toMatchObject({ status: 502 });
  });
});
