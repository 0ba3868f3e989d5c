import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import {
  ActivatedRouteSnapshot,
  GuardResult,
  MaybeAsync,
  Router,
  RouterStateSnapshot,
  provideRouter,
} from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { makeTokens, makeUser } from '../../../testing/fixtures';
import { authGuard, guestGuard, permissionGuard } from './auth.guards';
import { AuthService } from './auth.service';
import { CurrentUser } from './auth.models';

function run(guard: typeof authGuard, url = '/admin/users'): GuardResult {
  return TestBed.runInInjectionContext(
    () =>
      guard({} as ActivatedRouteSnapshot, { url } as RouterStateSnapshot) as MaybeAsync<GuardResult>,
  ) as GuardResult;
}

async function signIn(user: CurrentUser): Promise<void> {
  const done = firstValueFrom(TestBed.inject(AuthService).login('u', 'p'));
  TestBed.inject(HttpTestingController).expectOne('/api/auth/login').flush(makeTokens(1, user));
  await done;
}

describe('route guards', () => {
  let router: Router;

  beforeEach(() => {
    sessionStorage.clear();
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    router = TestBed.inject(Router);
  });

  describe('authGuard', () => {
    it('sends signed-out users to /login with the return URL', () => {
      const result = run(authGuard, '/audit');
      expect(router.serializeUrl(result as never)).toBe('/login?returnUrl=%2Faudit');
    });

    it('lets signed-in users through', async () => {
      await signIn(makeUser());
      expect(run(authGuard)).toBe(true);
    });
  });

  describe('guestGuard', () => {
    it('lets signed-out users see the login page', () => {
      expect(run(guestGuard, '/login')).toBe(true);
    });

    it('sends signed-in users home', async () => {
      await signIn(makeUser());
      expect(router.serializeUrl(run(guestGuard, '/login') as never)).toBe('/home');
    });
  });

  describe('permissionGuard', () => {
    it('lets a holder of the permission through', async () => {
      await signIn(makeUser());
      expect(run(permissionGuard('admin.users'))).toBe(true);
    });

    it('shows "forbidden" to a signed-in user without it', async () => {
      await signIn(makeUser({ roles: ['regulator'], permissions: ['audit.read', 'statistics.read'] }));
      expect(run(permissionGuard('audit.read'))).toBe(true);
      expect(router.serializeUrl(run(permissionGuard('admin.users')) as never)).toBe('/forbidden');
    });

    it('decides by permission, not by role name', async () => {
      // A role the UI has never heard of, holding the permission: allowed.
      await signIn(makeUser({ roles: ['something_new'], permissions: ['jobs.read'] }));
      expect(run(permissionGuard('jobs.read'))).toBe(true);
      expect(router.serializeUrl(run(permissionGuard('admin.users')) as never)).toBe('/forbidden');
    });

    it('sends signed-out users to /login', () => {
      const result = run(permissionGuard('admin.users'), '/admin/users');
      expect(router.serializeUrl(result as never)).toBe('/login?returnUrl=%2Fadmin%2Fusers');
    });
  });
});
