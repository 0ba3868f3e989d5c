import { HttpContext, HttpContextToken } from '@angular/common/http';

/**
 * Marks a request the auth interceptor must leave alone: no Bearer header, no refresh-and-retry
 * (login, refresh and logout themselves).
 */
export const SKIP_AUTH = new HttpContextToken<boolean>(() => false);

export function skipAuth(): HttpContext {
  return new HttpContext().set(SKIP_AUTH, true);
}
