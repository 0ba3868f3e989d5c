import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { apiErrorBody, makeTokens, makeUser } from '../../../testing/fixtures';
import { authInterceptor } from '../http/auth.interceptor';
import { AuthService } from './auth.service';
import { TokenStorage } from './token-storage.service';

describe('AuthService', () => {
  let auth: AuthService;
  let tokens: TokenStorage;
  let http: HttpTestingController;

  beforeEach(() => {
    sessionStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    auth = TestBed.inject(AuthService);
    tokens = TestBed.inject(TokenStorage);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('starts signed out', () => {
    expect(auth.isAuthenticated()).toBe(false);
    expect(auth.user()).toBeNull();
    expect(auth.hasPermission(null)).toBe(false);
    expect(auth.hasPermission('audit.read')).toBe(false);
  });

  it('logs in: stores tokens, exposes the user and their permissions', async () => {
    const done = firstValueFrom(auth.login('admin', 'secret'));
    const req = http.expectOne('/api/auth/login');
    expect(req.request.method).toBe('POST');
    expect(req.request.body).toEqual({ username: 'admin', password: 'secret' });
    expect(req.request.headers.has('Authorization')).toBe(false);
    req.flush(makeTokens(1));
    const user = await done;

    expect(user.username).toBe('admin');
    expect(auth.isAuthenticated()).toBe(true);
    expect(auth.user()?.displayName).toBe('平台管理员');
    expect(tokens.accessToken()).toBe('access-1');
    expect(sessionStorage.getItem('eco.refreshToken')).toBe('refresh-1');
    expect(auth.hasPermission('admin.users')).toBe(true);
    expect(auth.hasPermission('loans.apply')).toBe(false);
    expect(auth.hasPermission(null)).toBe(true);
  });

  it('loads /api/me when the login answer carries no permissions', async () => {
    const done = firstValueFrom(auth.login('c', 'p'));
    http.expectOne('/api/auth/login').flush(makeTokens(1, null));
    const me = http.expectOne('/api/me');
    expect(me.request.headers.get('Authorization')).toBe('Bearer access-1');
    me.flush(makeUser({ username: 'citizen1', permissions: ['points.own.read'] }));
    await done;
    expect(auth.user()?.username).toBe('citizen1');
    expect(auth.hasPermission('points.own.read')).toBe(true);
  });

  it('does not sign in on bad credentials', async () => {
    const done = firstValueFrom(auth.login('admin', 'wrong'));
    http
      .expectOne('/api/auth/login')
      .flush(apiErrorBody('AUTH_INVALID_CREDENTIALS'), { status: 401, statusText: 'Unauthorized' });
    await expect(done).rejects.toMatchObject({ status: 401 });
    expect(auth.isAuthenticated()).toBe(false);
    expect(tokens.refreshToken()).toBeNull();
  });

  it('logs out: revokes the refresh token and forgets the session', async () => {
    tokens.store('access-1', 'refresh-1', 900);
    const done = firstValueFrom(auth.logout(), { defaultValue: undefined });
    const req = http.expectOne('/api/auth/logout');
    expect(req.request.body).toEqual({ refreshToken: 'refresh-1' });
    req.flush(null, { status: 204, statusText: 'No Content' });
    await done;
    expect(tokens.accessToken()).toBeNull();
    expect(tokens.refreshToken()).toBeNull();
    expect(auth.isAuthenticated()).toBe(false);
  });

  it('logs out locally even when the server call fails', async () => {
    tokens.store('access-1', 'refresh-1', 900);
    const done = firstValueFrom(auth.logout(), { defaultValue: undefined });
    http.expectOne('/api/auth/logout').flush(null, { status: 500, statusText: 'Error' });
    await done;
    expect(tokens.refreshToken()).toBeNull();
  });

  it('shares one refresh between concurrent callers and rotates the refresh token', async () => {
    tokens.store('access-1', 'refresh-1', 900);
    const a = firstValueFrom(auth.refreshAccessToken());
    const b = firstValueFrom(auth.refreshAccessToken());
    const req = http.expectOne('/api/auth/refresh');
    expect(req.request.body).toEqual({ refreshToken: 'refresh-1' });
    req.flush(makeTokens(2));
    expect(await a).toBe('access-2');
    expect(await b).toBe('access-2');
    expect(tokens.refreshToken()).toBe('refresh-2');

    // A later refresh is a new request with the rotated token.
    const c = firstValueFrom(auth.refreshAccessToken());
    const again = http.expectOne('/api/auth/refresh');
    expect(again.request.body).toEqual({ refreshToken: 'refresh-2' });
    again.flush(makeTokens(3));
    expect(await c).toBe('access-3');
  });

  it('fails a refresh without a refresh token, without a request', async () => {
    await expect(firstValueFrom(auth.refreshAccessToken())).rejects.toThrow();
  });

  it('restores a session from the refresh token left in sessionStorage', async () => {
    sessionStorage.setItem('eco.refreshToken', 'refresh-1');
    const done = auth.restoreSession();
    http.expectOne('/api/auth/refresh').flush(makeTokens(2));
    await done;
    expect(auth.isAuthenticated()).toBe(true);
    expect(tokens.accessToken()).toBe('access-2');
  });

  it('drops a refresh token the server rejects at start-up', async () => {
    sessionStorage.setItem('eco.refreshToken', 'stale');
    const done = auth.restoreSession();
    http
      .expectOne('/api/auth/refresh')
      .flush(apiErrorBody('AUTH_TOKEN_INVALID'), { status: 401, statusText: 'Unauthorized' });
    await done;
    expect(auth.isAuthenticated()).toBe(false);
    expect(sessionStorage.getItem('eco.refreshToken')).toBeNull();
  });

  it('restores nothing without a refresh token', async () => {
    await auth.restoreSession();
    http.expectNone('/api/auth/refresh');
    expect(auth.isAuthenticated()).toBe(false);
  });

  it('ends a session by going to the login page with a reason', async () => {
    tokens.store('access-1', 'refresh-1', 900);
    const router = TestBed.inject(Router);
    const navigate = jest.spyOn(router, 'navigate').mockResolvedValue(true);
    auth.endSession('session_expired');
    auth.endSession('session_expired'); // a second failing request at the same moment
    expect(tokens.refreshToken()).toBeNull();
    expect(navigate).toHaveBeenCalledTimes(1);
    expect(navigate).toHaveBeenCalledWith(['/login'], {
      queryParams: { reason: 'session_expired', returnUrl: '/' },
    });
  });
});
