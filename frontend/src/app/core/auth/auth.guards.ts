import { inject } from '@angular/core';
import { CanActivateFn, Router, UrlTree } from '@angular/router';
import { AuthService } from './auth.service';

function loginTree(router: Router, returnUrl: string | null): UrlTree {
  return router.createUrlTree(['/login'], {
    queryParams: returnUrl && returnUrl !== '/' ? { returnUrl } : {},
  });
}

/** Lets signed-in users through; sends everyone else to /login?returnUrl=… */
export const authGuard: CanActivateFn = (_route, state) => {
  const auth = inject(AuthService);
  return auth.isAuthenticated() ? true : loginTree(inject(Router), state.url);
};

/** Keeps signed-in users away from the login page. */
export const guestGuard: CanActivateFn = () => {
  const auth = inject(AuthService);
  return auth.isAuthenticated() ? inject(Router).createUrlTree(['/home']) : true;
};

/**
 * Lets a route through only when the user holds `permission` (never a role name);
 * otherwise shows the "no access" page, or the login page when signed out.
 */
export function permissionGuard(permission: string | null): CanActivateFn {
  return (_route, state) => {
    const auth = inject(AuthService);
    const router = inject(Router);
    if (!auth.isAuthenticated()) return loginTree(router, state.url);
    return auth.hasPermission(permission) ? true : router.createUrlTree(['/forbidden']);
  };
}

