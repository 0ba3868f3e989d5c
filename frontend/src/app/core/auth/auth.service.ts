import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { Injectable, computed, inject, signal } from '@angular/core';
import { Router } from '@angular/router';
import {
  Observable,
  catchError,
  finalize,
  firstValueFrom,
  map,
  of,
  shareReplay,
  switchMap,
  tap,
  throwError,
  timeout,
} from 'rxjs';
import { skipAuth } from '../http/http-context';
import { CurrentUser, TokenResponse } from './auth.models';
import { TokenStorage } from './token-storage.service';

/** Why the user is sent back to the login page; the page shows a matching notice. */
export type SessionEndReason = 'session_expired' | 'logged_out';

const RESTORE_TIMEOUT_MS = 8000;

/** Who is signed in, what they may do, and the token life cycle. */
@Injectable({ providedIn: 'root' })
export class AuthService {
  private readonly http = inject(HttpClient);
  private readonly tokens = inject(TokenStorage);
  private readonly router = inject(Router);

  private readonly currentUser = signal<CurrentUser | null>(null);
  private refreshInFlight: Observable<string> | null = null;
  /** Set while a session end is being handled, so concurrent failures navigate only once. */
  private ending = false;

  readonly user = this.currentUser.asReadonly();
  readonly isAuthenticated = computed(() => this.currentUser() !== null);
  readonly permissions = computed<ReadonlySet<string>>(
    () => new Set(this.currentUser()?.permissions ?? []),
  );

  /** True when the signed-in user holds `permission`; a missing permission means "any signed-in user". */
  hasPermission(permission: string | null | undefined): boolean {
    if (!this.isAuthenticated()) return false;
    return !permission || this.permissions().has(permission);
  }

  login(username: string, password: string): Observable<CurrentUser> {
    return this.http
      .post<TokenResponse>('/api/auth/login', { username, password }, { context: skipAuth() })
      .pipe(switchMap((res) => this.acceptTokens(res)));
  }

  /** Revokes the refresh token on the server (best effort) and forgets the session. */
  logout(): Observable<void> {
    const refreshToken = this.tokens.refreshToken();
    const revoke$ = refreshToken
      ? this.http
          .post<void>('/api/auth/logout', { refreshToken }, { context: skipAuth() })
          .pipe(catchError(() => of(undefined)))
      : of(undefined);
    return revoke$.pipe(
      map(() => undefined),
      finalize(() => this.clearSession()),
    );
  }

  /**
   * Exchanges the refresh token for a new access token. Concurrent callers share one request;
   * the refresh token rotates with every answer.
   */
  refreshAccessToken(): Observable<string> {
    if (this.refreshInFlight) return this.refreshInFlight;
    const refreshToken = this.tokens.refreshToken();
    if (!refreshToken) {
      return throwError(() => new Error('No refresh token'));
    }
    this.refreshInFlight = this.http
      .post<TokenResponse>('/api/auth/refresh', { refreshToken }, { context: skipAuth() })
      .pipe(
        tap((res) => {
          this.tokens.store(res.accessToken, res.refreshToken, res.expiresIn);
          if (res.user && Array.isArray(res.user.permissions)) this.currentUser.set(res.user);
        }),
        map((res) => res.accessToken),
        finalize(() => {
          this.refreshInFlight = null;
        }),
        shareReplay({ bufferSize: 1, refCount: false }),
      );
    return this.refreshInFlight;
  }

  /** At start-up: turns a refresh token left in sessionStorage back into a session. */
  async restoreSession(): Promise<void> {
    if (!this.tokens.refreshToken()) return;
    try {
      await firstValueFrom(
        this.refreshAccessToken().pipe(
          switchMap(() => (this.currentUser() ? of(this.currentUser()) : this.loadMe())),
          timeout(RESTORE_TIMEOUT_MS),
        ),
      );
    } catch (err) {
      const rejected =
        err instanceof HttpErrorResponse && err.status >= 400 && err.status < 500;
      if (rejected) this.tokens.clear();
      this.currentUser.set(null);
    }
  }

  /** `GET /api/me`, refreshing the signal. */
  loadMe(): Observable<CurrentUser> {
    return this.http.get<CurrentUser>('/api/me').pipe(tap((user) => this.currentUser.set(user)));
  }

  /** The session cannot continue (refresh failed): forget it and go to the login page. */
  endSession(reason: SessionEndReason = 'session_expired'): void {
    if (this.ending) return;
    const returnUrl = this.router.url;
    const wasSignedIn = this.isAuthenticated();
    this.clearSession();
    if (!wasSignedIn && returnUrl.startsWith('/login')) return;
    this.ending = true;
    void this.router
      .navigate(['/login'], {
        queryParams: {
          reason,
          ...(returnUrl && !returnUrl.startsWith('/login') ? { returnUrl } : {}),
        },
      })
      .finally(() => {
        this.ending = false;
      });
  }

  private acceptTokens(res: TokenResponse): Observable<CurrentUser> {
    this.tokens.store(res.accessToken, res.refreshToken, res.expiresIn);
    if (res.user && Array.isArray(res.user.permissions)) {
      this.currentUser.set(res.user);
      return of(res.user);
    }
    return this.loadMe();
  }

  private clearSession(): void {
    this.tokens.clear();
    this.currentUser.set(null);
  }
}
