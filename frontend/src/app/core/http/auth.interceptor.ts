import { HttpErrorResponse, HttpInterceptorFn, HttpRequest } from '@angular/common/http';
import { inject } from '@angular/core';
import { catchError, of, switchMap, throwError } from 'rxjs';
import { AuthService } from '../auth/auth.service';
import { TokenStorage } from '../auth/token-storage.service';
import { apiErrorCode } from '../errors/api-error';
import { SKIP_AUTH } from './http-context';

function isApiRequest(url: string): boolean {
  return url.startsWith('/api/') || url === '/api';
}

function withBearer<T>(req: HttpRequest<T>, token: string): HttpRequest<T> {
  return req.clone({ setHeaders: { Authorization: `Bearer ${token}` } });
}

/**
 * Adds `Authorization: Bearer <access token>` to API requests. When the API answers 401
 * `AUTH_TOKEN_EXPIRED`, refreshes once (one refresh shared by all concurrent requests) and
 * retries the request; when the refresh fails, ends the session and goes to the login page.
 */
export const authInterceptor: HttpInterceptorFn = (req, next) => {
  if (!isApiRequest(req.url) || req.context.get(SKIP_AUTH)) return next(req);

  const auth = inject(AuthService);
  const tokens = inject(TokenStorage);
  const sentWith = tokens.accessToken();

  return next(sentWith ? withBearer(req, sentWith) : req).pipe(
    catchError((err: unknown) => {
      if (!(err instanceof HttpErrorResponse) || err.status !== 401) {
        return throwError(() => err);
      }
      const code = apiErrorCode(err);
      if (code === 'AUTH_TOKEN_EXPIRED') {
        // Another request may already have refreshed while this one was on the wire.
        const current = tokens.accessToken();
        const fresh$ = current && current !== sentWith ? of(current) : auth.refreshAccessToken();
        return fresh$.pipe(
          catchError(() => {
            auth.endSession('session_expired');
            return throwError(() => err);
          }),
          switchMap((token) => next(withBearer(req, token))),
        );
      }
      if ((code === 'AUTH_TOKEN_INVALID' || code === 'AUTH_REQUIRED') && sentWith) {
        auth.endSession('session_expired');
      }
      return throwError(() => err);
    }),
  );
};
