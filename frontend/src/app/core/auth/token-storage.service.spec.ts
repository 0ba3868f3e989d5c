import { TestBed } from '@angular/core/testing';
import { TokenStorage } from './token-storage.service';

describe('TokenStorage', () => {
  let storage: TokenStorage;

  beforeEach(() => {
    sessionStorage.clear();
    storage = TestBed.inject(TokenStorage);
  });

  it('keeps the access token in memory and the refresh token in sessionStorage', () => {
    storage.store('acc', 'ref', 900);
    expect(storage.accessToken()).toBe('acc');
    expect(storage.refreshToken()).toBe('ref');
    expect(sessionStorage.getItem('eco.refreshToken')).toBe('ref');
    expect(localStorage.getItem('eco.refreshToken')).toBeNull();
    expect(storage.expiresAt()).toBeGreaterThan(Date.now());
  });

  it('clears both', () => {
    storage.store('acc', 'ref', 900);
    storage.clear();
    expect(storage.accessToken()).toBeNull();
    expect(storage.refreshToken()).toBeNull();
    expect(storage.expiresAt()).toBeNull();
  });
});
