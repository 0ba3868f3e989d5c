import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { makeTokens, makeUser } from '../../../testing/fixtures';
import { provideTranslocoTesting } from '../../../testing/transloco-testing';
import { CurrentUser } from '../auth/auth.models';
import { AuthService } from '../auth/auth.service';
import { provideAppIcons } from '../icons/app-icons';
import { ShellComponent } from './shell.component';

describe('ShellComponent', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    sessionStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideTranslocoTesting('en'),
        provideAppIcons(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
  });

  async function render(user: CurrentUser) {
    const done = firstValueFrom(TestBed.inject(AuthService).login('u', 'p'));
    http.expectOne('/api/auth/login').flush(makeTokens(1, user));
    await done;
    const fixture = TestBed.createComponent(ShellComponent);
    await fixture.whenStable();
    const el: HTMLElement = fixture.nativeElement;
    const navKeys = Array.from(el.querySelectorAll('[data-testid^="nav-"]')).map((a) =>
      a.getAttribute('data-testid'),
    );
    return { fixture, el, navKeys };
  }

  it('shows an admin every page, with nav test ids', async () => {
    const { navKeys } = await render(makeUser());
    expect(navKeys).toEqual(['nav-home', 'nav-statistics', 'nav-audit', 'nav-institutions', 'nav-approval-limits', 'nav-users', 'nav-jobs']);
  });

  it('shows a regulator the dashboard, the statistics and the audit trail only', async () => {
    const { navKeys } = await render(
      makeUser({ roles: ['regulator'], permissions: ['statistics.read', 'audit.read'] }),
    );
    expect(navKeys).toEqual(['nav-home', 'nav-statistics', 'nav-audit']);
  });

  it('shows a citizen the dashboard and their points', async () => {
    const { navKeys } = await render(
      makeUser({
        roles: ['citizen'],
        permissions: ['points.own.read', 'loans.apply'],
        institution: null,
        subject: { id: 's1', name: '阿依古丽', type: 'individual' },
      }),
    );
    expect(navKeys).toEqual(['nav-home', 'nav-points', 'nav-loans']);
  });

  it('shows who is signed in and logs out from the user menu', async () => {
    const { fixture, el } = await render(makeUser({ displayName: 'Demo Admin' }));
    const current = el.querySelector<HTMLElement>('[data-testid="current-user"]')!;
    expect(current.textContent?.trim()).toBe('Demo Admin');
    expect(el.querySelector('[data-testid="lang-switch"]')).not.toBeNull();

    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    (current.closest('button') as HTMLButtonElement).click();
    await fixture.whenStable();
    const logout = document.querySelector<HTMLButtonElement>('[data-testid="logout"]')!;
    expect(logout).not.toBeNull();
    logout.click();
    http.expectOne('/api/auth/logout').flush(null, { status: 204, statusText: 'No Content' });
    await fixture.whenStable();
    expect(TestBed.inject(AuthService).isAuthenticated()).toBe(false);
    expect(navigate).toHaveBeenCalledWith(['/login'], { queryParams: { reason: 'logged_out' } });
  });
});
