import { CurrentUser, TokenResponse } from '../app/core/auth/auth.models';

export function makeUser(overrides: Partial<CurrentUser> = {}): CurrentUser {
  return {
    id: 'u1',
    username: 'admin',
    displayName: '平台管理员',
    roles: ['admin'],
    permissions: ['statistics.read', 'audit.read', 'admin.institutions', 'admin.users', 'jobs.read'],
    institution: { id: 'i1', name: '平台运营中心', type: 'platform_operator' },
    subject: null,
    ...overrides,
  };
}

export function makeTokens(n = 1, user: CurrentUser | null = makeUser()): TokenResponse {
  return {
    accessToken: `access-${n}`,
    refreshToken: `refresh-${n}`,
    expiresIn: 900,
    ...(user ? { user } : {}),
  };
}

export function apiErrorBody(code: string, message = code, extra: Record<string, unknown> = {}) {
  return { error: { code, message, ...extra } };
}
