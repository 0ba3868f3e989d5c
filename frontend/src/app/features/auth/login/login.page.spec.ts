import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { apiErrorBody, makeTokens } from '../../../../testing/fixtures';
import { provideTranslocoTesting } from '../../../../testing/transloco-testing';
import { AuthService } from '../../../core/auth/auth.service';
import { authInterceptor } from '../../../core/http/auth.interceptor';
import { provideAppIcons } from '../../../core/icons/app-icons';
import { LoginPage, safeReturnUrl } from './login.page';

describe('LoginPage', () => {
  let fixture: ComponentFixture<LoginPage>;
  let el: HTMLElement;
  let http: HttpTestingController;
  let navigateByUrl: jest.SpyInstance;

  const byTestId = <T extends HTMLElement = HTMLElement>(id: string) =>
    el.querySelector<T>(`[data-testid="${id}"]`);

  function type(id: string, value: string): void {
    const input = byTestId<HTMLInputElement>(id)!;
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  async function submit(): Promise<void> {
    byTestId<HTMLButtonElement>('login-submit')!.click();
    await fixture.whenStable();
  }

  beforeEach(async () => {
    sessionStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
        provideTranslocoTesting('en'),
        provideAppIcons(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    navigateByUrl = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    fixture = TestBed.createComponent(LoginPage);
    el = fixture.nativeElement;
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  it('has the stable test hooks', () => {
    for (const id of ['login-username', 'login-password', 'login-submit', 'lang-switch']) {
      expect(byTestId(id)).not.toBeNull();
    }
    expect(byTestId('login-error')).toBeNull();
  });

  it('validates before calling the API', async () => {
    await submit();
    http.expectNone('/api/auth/login');
    expect(el.querySelectorAll('.mat-form-field-invalid')).toHaveLength(2);
    expect(el.textContent).toContain('Enter your username');
    expect(el.textContent).toContain('Enter your password');
  });

  it('signs in and goes to the dashboard', async () => {
    type('login-username', '  admin ');
    type('login-password', 'demo-pass');
    await submit();
    const req = http.expectOne('/api/auth/login');
    expect(req.request.body).toEqual({ username: 'admin', password: 'demo-pass' });
    req.flush(makeTokens(1));
    await fixture.whenStable();
    expect(TestBed.inject(AuthService).isAuthenticated()).toBe(true);
    expect(navigateByUrl).toHaveBeenCalledWith('/home');
  });

  it('returns to the page the user asked for', async () => {
    fixture.componentRef.setInput('returnUrl', '/audit');
    type('login-username', 'regulator');
    type('login-password', 'pw');
    await submit();
    http.expectOne('/api/auth/login').flush(makeTokens(1));
    await fixture.whenStable();
    expect(navigateByUrl).toHaveBeenCalledWith('/audit');
  });

  it('shows bad credentials readably and clears the password', async () => {
    type('login-username', 'admin');
    type('login-password', 'wrong');
    await submit();
    http
      .expectOne('/api/auth/login')
      .flush(apiErrorBody('AUTH_INVALID_CREDENTIALS', 'invalid'), {
        status: 401,
        statusText: 'Unauthorized',
      });
    await fixture.whenStable();
    const error = byTestId('login-error')!;
    expect(error.textContent).toContain('Incorrect username or password.');
    expect(error.getAttribute('data-code')).toBe('AUTH_INVALID_CREDENTIALS');
    expect(byTestId<HTMLInputElement>('login-password')!.value).toBe('');
    // The cleared password is not flagged red right away.
    expect(el.querySelector('.mat-form-field-invalid')).toBeNull();
    expect(navigateByUrl).not.toHaveBeenCalled();
  });

  it('shows a lock-out with the time to wait', async () => {
    type('login-username', 'admin');
    type('login-password', 'wrong');
    await submit();
    http
      .expectOne('/api/auth/login')
      .flush(apiErrorBody('AUTH_LOCKED', 'locked', { details: { retryAfterSeconds: 600 } }), {
        status: 423,
        statusText: 'Locked',
      });
    await fixture.whenStable();
    const error = byTestId('login-error')!;
    expect(error.getAttribute('data-code')).toBe('AUTH_LOCKED');
    expect(error.textContent).toContain('temporarily locked');
    expect(error.textContent).toContain('10 min');
  });

  it('shows rate limiting', async () => {
    type('login-username', 'admin');
    type('login-password', 'x');
    await submit();
    http
      .expectOne('/api/auth/login')
      .flush(apiErrorBody('RATE_LIMITED', 'slow down'), { status: 429, statusText: 'Too Many' });
    await fixture.whenStable();
    expect(byTestId('login-error')!.textContent).toContain('Too many attempts');
  });

  it('explains why the user is back at the login page', async () => {
    fixture.componentRef.setInput('reason', 'session_expired');
    await fixture.whenStable();
    expect(byTestId('login-notice')!.textContent).toContain('Your session has expired');
  });

  it('switches the page to Chinese', async () => {
    byTestId<HTMLButtonElement>('lang-switch')!.click();
    await fixture.whenStable();
    await new Promise((r) => setTimeout(r));
    await fixture.whenStable();
    expect(byTestId('login-submit')!.textContent).toContain('登录');
  });
});

describe('safeReturnUrl', () => {
  it('follows only same-app paths', () => {
    expect(safeReturnUrl('/audit')).toBe('/audit');
    expect(safeReturnUrl('/admin/users?x=1')).toBe('/admin/users?x=1');
    expect(safeReturnUrl(undefined)).toBe('/home');
    expect(safeReturnUrl('https://evil.example')).toBe('/home');
    expect(safeReturnUrl('//evil.example')).toBe('/home');
    expect(safeReturnUrl('/\\evil.example')).toBe('/home');
    expect(safeReturnUrl('/login')).toBe('/home');
  });
});
