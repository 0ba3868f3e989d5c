import { Injectable, signal } from '@angular/core';

const REFRESH_KEY = 'eco.refreshToken';

/**
 * Where the tokens live: the access token only in memory; the refresh token in sessionStorage,
 * so a reload of the tab keeps the session while closing the tab ends it.
 */
@Injectable({ providedIn: 'root' })
export class TokenStorage {
  private readonly access = signal<string | null>(null);
  private expiresAtMs: number | null = null;

  readonly accessToken = this.access.asReadonly();

  refreshToken(): string | null {
    try {
      return sessionStorage.getItem(REFRESH_KEY);
    } catch {
      return null;
    }
  }

  /** Epoch milliseconds at which the access token expires, when known. */
  expiresAt(): number | null {
    return this.expiresAtMs;
  }

  store(accessToken: string, refreshToken: string, expiresInSeconds: number): void {
    this.access.set(accessToken);
    this.expiresAtMs =
      Number.isFinite(expiresInSeconds) && expiresInSeconds > 0
        ? Date.now() + expiresInSeconds * 1000
        : null;
    try {
      sessionStorage.setItem(REFRESH_KEY, refreshToken);
    } catch {
      // Without sessionStorage the session simply does not survive a reload.
    }
  }

  clear(): void {
    this.access.set(null);
    this.expiresAtMs = null;
    try {
      sessionStorage.removeItem(REFRESH_KEY);
    } catch {
      // nothing stored
    }
  }
}
