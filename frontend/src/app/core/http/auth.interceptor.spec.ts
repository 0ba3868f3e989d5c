import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { apiErrorBody, makeTokens } from '../../../testing/fixtures';
import { AuthService } from '../auth/auth.service';
import { TokenStorage } from '../auth/token-storage.service';
import { authInterceptor } from './auth.interceptor';

const expired = () => [
  apiErrorBody('AUTH_TOKEN_EXPIRED', 'access token expired'),
  { status: 401, statusText: 'Unauthorized' },
] as const;

describe('authInterceptor', () => {
  let client: HttpClient;
  let http: HttpTestingController;
  let tokens: TokenStorage;
  let navigate: jest.SpyInstance;

  beforeEach(() => {
    sessionStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    client = TestBed.inject(HttpClient);
    http = TestBed.inject(HttpTestingController);
    tokens = TestBed.inject(TokenStorage);
    navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    tokens.store('access-1', 'refresh-1', 900);
  });

  afterEach(() => http.verify());

  it('sends the access token as a Bearer header to the API', async () => {
    const done = firstValueFrom(client.get('/api/jobs'));
    const req = http.expectOne('/api/jobs');
    expect(req.request.headers.get('Authorization')).toBe('Bearer access-1');
    req.flush({ items: [] });
    await done;
  });

  it('leaves non-API requests alone (translations, assets)', async () => {
    const done = firstValueFrom(client.get('/i18n/en.json'));
    const req = http.expectOne('/i18n/en.json');
    expect(req.request.headers.has('Authorization')).toBe(false);
    req.flush({});
    await done;
  });

  it('sends no header when signed out', async () => {
    tokens.clear();
    const done = firstValueFrom(client.get('/api/health'));
    const req = http.expectOne('/api/health');
    expect(req.request.headers.has('Authorization')).toBe(false);
    req.flush({ status: 'ok' });
    await done;
  });

  it('refreshes once on AUTH_TOKEN_EXPIRED and retries with the new token', async () => {
    const done = firstValueFrom(client.get<{ items: unknown[] }>('/api/jobs'));
    http.expectOne('/api/jobs').flush(...expired());

    const refresh = http.expectOne('/api/auth/refresh');
    expect(refresh.request.body).toEqual({ refreshToken: 'refresh-1' });
    expect(refresh.request.headers.has('Authorization')).toBe(false);
    refresh.flush(makeTokens(2));

    const retry = http.expectOne('/api/jobs');
    expect(retry.request.headers.get('Authorization')).toBe('Bearer access-2');
    retry.flush({ items: [1] });

    await expect(done).resolves.toEqual({ items: [1] });
    expect(tokens.refreshToken()).toBe('refresh-2');
    expect(navigate).not.toHaveBeenCalled();
  });

  it('shares a single refresh among concurrent requests', async () => {
    const a = firstValueFrom(client.get('/api/jobs'));
    const b = firstValueFrom(client.get('/api/audit'));
    const c = firstValueFrom(client.get('/api/users'));
    http.expectOne('/api/jobs').flush(...expired());
    http.expectOne('/api/audit').flush(...expired());
    http.expectOne('/api/users').flush(...expired());

    const refreshes = http.match('/api/auth/refresh');
    expect(refreshes).toHaveLength(1);
    refreshes[0]!.flush(makeTokens(2));

    for (const url of ['/api/jobs', '/api/audit', '/api/users']) {
      const retry = http.expectOne(url);
      expect(retry.request.headers.get('Authorization')).toBe('Bearer access-2');
      retry.flush({ url });
    }
    await expect(Promise.all([a, b, c])).resolves.toHaveLength(3);
  });

  it('does not refresh again for a request that was sent before another refresh finished', async () => {
    const slow = firstValueFrom(client.get('/api/audit'));
    const fast = firstValueFrom(client.get('/api/jobs'));
    const slowReq = http.expectOne('/api/audit');

    http.expectOne('/api/jobs').flush(...expired());
    http.expectOne('/api/auth/refresh').flush(makeTokens(2));
    http.expectOne('/api/jobs').flush({});
    await fast;

    // The slow request, sent with access-1, fails only now: retry with access-2, no new refresh.
    slowReq.flush(...expired());
    http.expectNone('/api/auth/refresh');
    const retry = http.expectOne('/api/audit');
    expect(retry.request.headers.get('Authorization')).toBe('Bearer access-2');
    retry.flush({ ok: true });
    await expect(slow).resolves.toEqual({ ok: true });
  });

  it('retries only once: a second expiry is passed to the caller', async () => {
    const done = firstValueFrom(client.get('/api/jobs'));
    http.expectOne('/api/jobs').flush(...expired());
    http.expectOne('/api/auth/refresh').flush(makeTokens(2));
    http.expectOne('/api/jobs').flush(...expired());
    http.expectNone('/api/auth/refresh');
    await expect(done).rejects.toMatchObject({ status: 401 });
  });

  it('when the refresh fails: ends the session and goes to /login with a message', async () => {
    const auth = TestBed.inject(AuthService);
    const done = firstValueFrom(client.get('/api/jobs'));
    http.expectOne('/api/jobs').flush(...expired());
    http
      .expectOne('/api/auth/refresh')
      .flush(apiErrorBody('AUTH_TOKEN_INVALID'), { status: 401, statusText: 'Unauthorized' });

    await expect(done).rejects.toMatchObject({ status: 401 });
    expect(tokens.accessToken()).toBeNull();
    expect(tokens.refreshToken()).toBeNull();
    expect(auth.isAuthenticated()).toBe(false);
    expect(navigate).toHaveBeenCalledWith(
      ['/login'],
      expect.objectContaining({ queryParams: expect.objectContaining({ reason: 'session_expired' }) }),
    );
  });

  it('when the shared refresh fails, every waiting request fails and the app leaves once', async () => {
    const a = firstValueFrom(client.get('/api/jobs'));
    const b = firstValueFrom(client.get('/api/audit'));
    http.expectOne('/api/jobs').flush(...expired());
    http.expectOne('/api/audit').flush(...expired());
    http
      .expectOne('/api/auth/refresh')
      .flush(apiErrorBody('AUTH_TOKEN_INVALID'), { status: 401, statusText: 'Unauthorized' });
    await expect(a).rejects.toMatchObject({ status: 401 });
    await expect(b).rejects.toMatchObject({ status: 401 });
    expect(navigate).toHaveBeenCalledTimes(1);
  });

  it('passes other errors through untouched', async () => {
    const forbidden = firstValueFrom(client.get('/api/users'));
    http
      .expectOne('/api/users')
      .flush(apiErrorBody('FORBIDDEN'), { status: 403, statusText: 'Forbidden' });
    await expect(forbidden).rejects.toMatchObject({ status: 403 });

    const badLogin = firstValueFrom(TestBed.inject(AuthService).login('a', 'b'));
    http
      .expectOne('/api/auth/login')
      .flush(apiErrorBody('AUTH_INVALID_CREDENTIALS'), { status: 401, statusText: 'Unauthorized' });
    await expect(badLogin).rejects.toMatchObject({ status: 401 });
    http.expectNone('/api/auth/refresh');
    expect(navigate).not.toHaveBeenCalled();
  });

  it('ends the session when the server calls the token invalid', async () => {
    const done = firstValueFrom(client.get('/api/jobs'));
    http
      .expectOne('/api/jobs')
      .flush(apiErrorBody('AUTH_TOKEN_INVALID'), { status: 401, statusText: 'Unauthorized' });
    await expect(done).rejects.toMatchObject({ status: 401 });
    http.expectNone('/api/auth/refresh');
    expect(navigate).toHaveBeenCalled();
    expect(tokens.refreshToken()).toBeNull();
  });
});
