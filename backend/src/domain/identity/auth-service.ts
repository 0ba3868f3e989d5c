// Password login, short-lived access tokens, rotating refresh tokens, lockout and rate limits.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { Config } from '../../config/index.js';
import type { InstitutionRepository } from '../../db/institutions/institution.repository.js';
import type { RateLimitRepository } from '../../db/rate-limits/rate-limit.repository.js';
import type { RefreshTokenRepository } from '../../db/refresh-tokens/refresh-token.repository.js';
import type { SubjectRepository } from '../../db/subjects/subject.repository.js';
import type { UserRecord, UserRepository } from '../../db/users/user.repository.js';
import type { AuditTrail } from '../audit/audit-trail.js';
import type { Clock } from '../clock.js';
import { AppError } from '../errors/index.js';
import { AccessTokens } from './access-token.js';
import { decoyPasswordHash, verifyPassword } from './password.js';
import { permissionsOf, type Permission } from './permissions.js';
import type { Actor, Principal } from './principal.js';

export interface SessionTokens {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  user: CurrentUser;
}

export interface CurrentUser {
  id: string;
  username: string;
  displayName: string;
  roles: string[];
  permissions: Permission[];
  institution: { id: string; name: string; type: string } | null;
  subject: { id: string; name: string; type: string } | null;
}

interface Deps {
  config: Config['auth'];
  clock: Clock;
  users: UserRepository;
  institutions: InstitutionRepository;
  subjects: SubjectRepository;
  refreshTokens: RefreshTokenRepository;
  rateLimits: RateLimitRepository;
  audit: AuditTrail;
}

/** Why a disabled user's refresh tokens were revoked (their return is not a theft signal). */
const userDisabled = 'user disabled';
const sha256 = (value: string): string => createHash('sha256').update(value).digest('hex');
const invalidCredentials = (): AppError => new AppError('AUTH_INVALID_CREDENTIALS', 'username or password is incorrect');

/** Users whose principal one process holds at most (least recently used dropped first). */
const principalCacheSize = 10_000;

export class AuthService {
  private readonly accessTokens: AccessTokens;
  /** Authenticated users' principals, reused for a few seconds so a request costs one database read, not two. */
  private readonly principals: LRUCache<string, Principal> | undefined;

  constructor(private readonly deps: Deps) {
    this.accessTokens = new AccessTokens(deps.config.jwtSecret, deps.config.accessTokenTtlSeconds);
    const ttl = deps.config.principalCacheSeconds * 1000;
    this.principals = ttl > 0 ? new LRUCache({ max: principalCacheSize, ttl, fetchMethod: (userId) => this.loadPrincipal(userId) }) : undefined;
  }

  async login(username: string, password: string, clientIp: string, actor: Actor): Promise<SessionTokens> {
    const { users, clock, config, audit } = this.deps;
    await this.enforceLoginRate(clientIp);
    const user = await users.findByUsername(username);
    if (!user || user.disabled) {
      await verifyPassword(await decoyPasswordHash(), password); // same work as a real check
      throw invalidCredentials();
    }
    const now = clock.now();
    if (user.lockedUntil && user.lockedUntil > now) throw this.locked(user.lockedUntil, now);
    if (!(await verifyPassword(user.passwordHash, password))) {
      const failures = await users.incrementFailedLogins(user.id);
      const lockedUntil = new Date(now.getTime() + config.lockoutSeconds * 1000);
      const justLocked = failures >= config.maxFailedLogins && (await users.lockIfFailuresReached(user.id, config.maxFailedLogins, lockedUntil));
      await audit.append(actor, {
        action: justLocked ? 'auth.locked' : 'auth.login_failed',
        entityType: 'user',
        entityId: user.id,
        after: { failedLoginCount: justLocked ? 0 : failures, ...(justLocked ? { lockedUntil } : {}) },
        institutionId: user.institutionId,
        subjectId: user.subjectId,
      });
      if (justLocked) throw this.locked(lockedUntil, now);
      throw invalidCredentials();
    }
    if (user.failedLoginCount > 0 || user.lockedUntil) await users.clearFailedLogins(user.id);
    const session = await this.issue(user, randomUUID());
    await audit.append(
      { ...actor, principal: this.principalOf(user) },
      { action: 'auth.login', entityType: 'user', entityId: user.id },
    );
    return session;
  }

  async refresh(refreshToken: string, actor: Actor): Promise<SessionTokens> {
    const { refreshTokens, users, clock, audit } = this.deps;
    const now = clock.now();
    const hash = sha256(refreshToken);
    const consumed = await refreshTokens.consume(hash, now, 'rotated');
    if (!consumed) {
      const known = await refreshTokens.find(hash);
      if (known?.revokedAt && known.revokedReason !== userDisabled) {
        // A rotated token came back: someone holds a stolen copy. End the whole session family.
        await refreshTokens.revokeFamily(known.familyId, now, 'reuse detected');
        await audit.append(actor, { action: 'auth.refresh_reuse_detected', entityType: 'user', entityId: known.userId });
      }
      throw new AppError('AUTH_TOKEN_INVALID', 'refresh token is not valid; log in again');
    }
    const user = await users.findById(consumed.userId);
    if (!user || user.disabled) throw new AppError('AUTH_TOKEN_INVALID', 'refresh token is not valid; log in again');
    const session = await this.issue(user, consumed.familyId);
    await audit.append({ ...actor, principal: this.principalOf(user) }, { action: 'auth.refresh', entityType: 'user', entityId: user.id });
    return session;
  }

  /** Ends the session of this refresh token. Idempotent: an unknown or spent token is fine. */
  async logout(refreshToken: string, actor: Actor): Promise<void> {
    const { refreshTokens, clock, audit, users } = this.deps;
    const consumed = await refreshTokens.consume(sha256(refreshToken), clock.now(), 'logout');
    if (!consumed) return;
    const user = await users.findById(consumed.userId);
    await audit.append(
      { ...actor, principal: user ? await this.principalOf(user) : actor.principal },
      { action: 'auth.logout', entityType: 'user', entityId: consumed.userId },
    );
  }

  /**
   * Resolves a Bearer access token to the caller. Roles and the disabled flag come from the user
   * record, re-read at most every `principalCacheSeconds`, so revocation takes effect within that
   * time; an unknown or disabled user is never cached.
   */
  async authenticate(accessToken: string): Promise<Principal> {
    const claims = await this.accessTokens.verify(accessToken, this.deps.clock.now());
    const principal = this.principals ? await this.principals.fetch(claims.sub) : await this.loadPrincipal(claims.sub);
    if (!principal) throw new AppError('AUTH_TOKEN_INVALID', 'access token is not valid');
    return principal;
  }

  private async loadPrincipal(userId: string): Promise<Principal | undefined> {
    const user = await this.deps.users.findById(userId);
    if (!user || user.disabled) return undefined;
    const principal = this.principalOf(user);
    return Object.freeze({ ...principal, roles: Object.freeze([...principal.roles]) as string[] });
  }

  /** Ends every session of a disabled user: refresh tokens revoked, the cached principal dropped. */
  async endSessions(userId: string): Promise<void> {
    await this.deps.refreshTokens.revokeAllOfUser(userId, this.deps.clock.now(), userDisabled);
    this.principals?.delete(userId);
  }

  /** Forgets the cached principal of a user whose roles or state changed, so this process re-reads it. */
  forgetPrincipal(userId: string): void {
    this.principals?.delete(userId);
  }

  async currentUser(principal: Principal): Promise<CurrentUser> {
    const user = await this.deps.users.findById(principal.userId);
    if (!user) throw new AppError('AUTH_TOKEN_INVALID', 'access token is not valid');
    return this.describe(user);
  }

  async describe(user: UserRecord): Promise<CurrentUser> {
    const [institution, subject] = await Promise.all([
      user.institutionId ? this.deps.institutions.findByIdUnscoped(user.institutionId) : undefined,
      user.subjectId ? this.deps.subjects.findByIdUnscoped(user.subjectId) : undefined,
    ]);
    return {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      roles: user.roles,
      permissions: permissionsOf(user.roles),
      institution: institution ? { id: institution.id, name: institution.name, type: institution.type } : null,
      subject: subject ? { id: subject.id, name: subject.name, type: subject.type } : null,
    };
  }

  private principalOf(user: UserRecord): Principal {
    return {
      userId: user.id,
      username: user.username,
      roles: user.roles,
      permissions: new Set(permissionsOf(user.roles)),
      institutionId: user.institutionId,
      subjectId: user.subjectId,
    };
  }

  private async issue(user: UserRecord, familyId: string): Promise<SessionTokens> {
    const { clock, config, refreshTokens } = this.deps;
    const now = clock.now();
    const refreshToken = randomBytes(32).toString('base64url');
    await refreshTokens.insert(sha256(refreshToken), user.id, familyId, new Date(now.getTime() + config.refreshTokenTtlSeconds * 1000));
    return {
      accessToken: await this.accessTokens.sign(user.id, now),
      refreshToken,
      expiresIn: this.accessTokens.expiresInSeconds,
      user: await this.describe(user),
    };
  }

  private async enforceLoginRate(clientIp: string): Promise<void> {
    const { rateLimits, clock, config } = this.deps;
    const now = clock.now();
    const count = await rateLimits.hit(`login:${clientIp}`, 60_000, now);
    if (count > config.loginAttemptsPerMinute) {
      const retryAfterSeconds = Math.ceil((60_000 - (now.getTime() % 60_000)) / 1000);
      throw new AppError('RATE_LIMITED', 'too many login attempts from this address; wait a minute', { details: { retryAfterSeconds } });
    }
  }

  private locked(until: Date, now: Date): AppError {
    const retryAfterSeconds = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
    return new AppError('AUTH_LOCKED', 'this account is locked after repeated failed logins; try again later', {
      details: { retryAfterSeconds, lockedUntil: until.toISOString() },
    });
  }
}
