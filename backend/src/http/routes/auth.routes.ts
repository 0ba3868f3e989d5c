import type { AuthenticatedInput, RouteInput, RouteSpec } from '../route.js';

export const authRoutes: RouteSpec[] = [
  {
    id: 'auth.login',
    method: 'POST',
    path: '/api/auth/login',
    summary: 'Log in with username and password; returns an access token and a refresh token',
    tag: 'auth',
    access: 'public',
    body: 'api/auth/login.body',
    handler: (input: RouteInput<{ username: string; password: string }>, platform) =>
      platform.services.auth.login(input.body.username, input.body.password, input.clientIp, input.actor),
  },
  {
    id: 'auth.refresh',
    method: 'POST',
    path: '/api/auth/refresh',
    summary: 'Exchange a refresh token for a new access token and a new refresh token (rotation)',
    tag: 'auth',
    access: 'public',
    body: 'api/auth/refresh-token.body',
    handler: (input: RouteInput<{ refreshToken: string }>, platform) => platform.services.auth.refresh(input.body.refreshToken, input.actor),
  },
  {
    id: 'auth.logout',
    method: 'POST',
    path: '/api/auth/logout',
    summary: 'End the session of a refresh token',
    tag: 'auth',
    access: 'public',
    body: 'api/auth/refresh-token.body',
    successStatus: 204,
    handler: async (input: RouteInput<{ refreshToken: string }>, platform) => {
      await platform.services.auth.logout(input.body.refreshToken, input.actor);
      return { status: 204 };
    },
  },
  {
    id: 'auth.me',
    method: 'GET',
    path: '/api/me',
    summary: 'The logged-in user: roles, permissions, institution or subject',
    tag: 'auth',
    access: 'authenticated',
    handler: (input: AuthenticatedInput, platform) => platform.services.auth.currentUser(input.principal),
  },
];
