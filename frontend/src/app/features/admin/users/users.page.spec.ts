import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { importProvidersFrom } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { TranslocoTestingModule } from '@jsverse/transloco';
import en from '../../../../../public/i18n/en.json';
import { AuthService } from '../../../core/auth/auth.service';
import { provideAppIcons } from '../../../core/icons/app-icons';
import { UsersPage } from './users.page';

const adminId = 'a'.repeat(24);
const reviewerId = 'b'.repeat(24);
const user = (id: string, username: string, disabled: boolean) =>
  ({ id, username, displayName: username, roles: ['admin'], institutionId: null, subjectId: null, locked: false, disabled, createdAt: '2026-11-01T00:00:00Z' });

async function open(users: object[]) {
  TestBed.configureTestingModule({
    providers: [
      provideRouter([]), provideHttpClient(), provideHttpClientTesting(), provideAppIcons(),
      importProvidersFrom(TranslocoTestingModule.forRoot({
        langs: { en }, translocoConfig: { availableLangs: ['en'], defaultLang: 'en', missingHandler: { logMissingKey: false } }, preloadLangs: true,
      })),
      { provide: AuthService, useValue: { user: () => ({ id: adminId }), permissions: () => new Set(['admin.users']) } },
    ],
  });
  const http = TestBed.inject(HttpTestingController);
  const fixture = TestBed.createComponent(UsersPage);
  await fixture.whenStable();
  http.expectOne('/api/users?limit=20&offset=0').flush({ items: users, total: users.length });
  http.expectOne('/api/institutions?limit=200&offset=0').flush({ items: [], total: 0 });
  http.expectOne('/api/subjects?limit=200&offset=0').flush({ items: [], total: 0 });
  await fixture.whenStable();
  return { http, fixture, el: fixture.nativeElement as HTMLElement };
}

describe('UsersPage', () => {
  it('disables a user on a second, confirming click, and shows the user disabled', async () => {
    const { http, fixture, el } = await open([user(adminId, 'admin', false), user(reviewerId, 'reviewer', false)]);
    const button = () => el.querySelector<HTMLButtonElement>('[data-testid="user-disable-reviewer"]')!;
    button().click();
    await fixture.whenStable();
    expect(button().textContent).toContain('Confirm: disable and end all sessions');
    http.expectNone(`/api/users/${reviewerId}/disable`);
    button().click();
    const req = http.expectOne({ method: 'POST', url: `/api/users/${reviewerId}/disable` });
    req.flush(user(reviewerId, 'reviewer', true));
    await fixture.whenStable();
    expect(el.querySelector('[data-testid="user-enable-reviewer"]')).not.toBeNull();
    expect(el.querySelector('[data-testid="users-table"]')!.textContent).toContain('Disabled');
  });

  it('enables a disabled user with one click', async () => {
    const { http, fixture, el } = await open([user(reviewerId, 'reviewer', true)]);
    el.querySelector<HTMLButtonElement>('[data-testid="user-enable-reviewer"]')!.click();
    http.expectOne({ method: 'POST', url: `/api/users/${reviewerId}/enable` }).flush(user(reviewerId, 'reviewer', false));
    await fixture.whenStable();
    expect(el.querySelector('[data-testid="user-disable-reviewer"]')).not.toBeNull();
  });

  it('offers no way to disable the signed-in admin’s own account', async () => {
    const { el } = await open([user(adminId, 'admin', false)]);
    expect(el.querySelector('[data-testid="user-disable-admin"]')).toBeNull();
  });
});
