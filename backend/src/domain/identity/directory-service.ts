// Institutions, subjects and users: onboarding by platform admins, tenant-scoped reads for everyone.
import type { Institution, InstitutionRepository, NewInstitution } from '../../db/institutions/institution.repository.js';
import type { InstitutionType } from '../../db/institutions/institution.schema.js';
import type { Page, PageRequest } from '../../db/page.js';
import { isDuplicateKey } from '../../db/plain.js';
import type { NewSubject, Subject, SubjectRepository } from '../../db/subjects/subject.repository.js';
import type { SubjectType } from '../../db/subjects/subject.schema.js';
import type { UserRecord, UserRepository } from '../../db/users/user.repository.js';
import type { AuditTrail } from '../audit/audit-trail.js';
import { AppError, forbidden, notFound } from '../errors/index.js';
import { hashPassword } from './password.js';
import { roleInstitutionType, roleSubjectType, roleTenantKind, type Permission, type Role } from './permissions.js';
import { can, readsAllTenants, type Actor, type Principal } from './principal.js';

export interface NewUserRequest {
  username: string;
  displayName: string;
  password: string;
  roles: Role[];
  institutionId?: string | undefined;
  subjectId?: string | undefined;
}

export interface PublicUser {
  id: string;
  username: string;
  displayName: string;
  roles: string[];
  institutionId: string | null;
  subjectId: string | null;
  locked: boolean;
  disabled: boolean;
  createdAt: Date;
}

interface Deps {
  institutions: InstitutionRepository;
  subjects: SubjectRepository;
  users: UserRepository;
  audit: AuditTrail;
  now: () => Date;
  /** Sessions of the signed-in users (ended when a user is disabled). */
  sessions: { endSessions(userId: string): Promise<void>; forgetPrincipal(userId: string): void };
}

function requirePermission(principal: Principal, permission: Permission): void {
  if (!can(principal, permission)) throw forbidden(permission);
}

const institutionScope = (p: Principal) => ({ all: readsAllTenants(p), institutionId: p.institutionId });
const subjectScope = (p: Principal) => ({ all: readsAllTenants(p), subjectId: p.subjectId });

export class DirectoryService {
  constructor(private readonly deps: Deps) {}

  async createInstitution(actor: Actor & { principal: Principal }, data: NewInstitution): Promise<Institution> {
    requirePermission(actor.principal, 'admin.institutions');
    const created = await this.unique(() => this.deps.institutions.create(data), 'code', `an institution with code ${data.code} is already registered`);
    await this.deps.audit.append(actor, { action: 'institution.create', entityType: 'institution', entityId: created.id, after: { ...created }, institutionId: created.id });
    return created;
  }

  listInstitutions(principal: Principal, page: PageRequest, type?: InstitutionType): Promise<Page<Institution>> {
    return this.deps.institutions.list(institutionScope(principal), page, type);
  }

  async getInstitution(principal: Principal, id: string): Promise<Institution> {
    return (await this.deps.institutions.findById(institutionScope(principal), id)) ?? Promise.reject(notFound('institution'));
  }

  async updateInstitution(actor: Actor & { principal: Principal }, id: string, changes: Partial<NewInstitution>): Promise<Institution> {
    requirePermission(actor.principal, 'admin.institutions');
    const result = await this.unique(() => this.deps.institutions.update(institutionScope(actor.principal), id, changes), 'code', 'another institution has this code');
    if (!result) throw notFound('institution');
    await this.deps.audit.append(actor, { action: 'institution.update', entityType: 'institution', entityId: id, before: { ...result.before }, after: { ...result.after }, institutionId: id });
    return result.after;
  }

  async createSubject(actor: Actor & { principal: Principal }, data: NewSubject): Promise<Subject> {
    requirePermission(actor.principal, 'admin.users');
    const created = await this.unique(() => this.deps.subjects.create(data), 'code', `a ${data.type} with code ${data.code} is already registered`);
    await this.deps.audit.append(actor, { action: 'subject.create', entityType: 'subject', entityId: created.id, after: { ...created }, subjectId: created.id });
    return created;
  }

  listSubjects(principal: Principal, page: PageRequest, type?: SubjectType): Promise<Page<Subject>> {
    return this.deps.subjects.list(subjectScope(principal), page, type);
  }

  async getSubject(principal: Principal, id: string): Promise<Subject> {
    return (await this.deps.subjects.findById(subjectScope(principal), id)) ?? Promise.reject(notFound('subject'));
  }

  /** Admins edit any subject; a subject's own users edit their own profile; others see 404. */
  async updateSubject(actor: Actor & { principal: Principal }, id: string, changes: Partial<NewSubject>): Promise<Subject> {
    const p = actor.principal;
    const scope = can(p, 'admin.users') ? { all: true } : { all: false, subjectId: p.subjectId };
    if (!can(p, 'admin.users') && !can(p, 'subject.own.update')) throw forbidden('subject.own.update');
    const result = await this.deps.subjects.update(scope, id, changes);
    if (!result) throw notFound('subject');
    await this.deps.audit.append(actor, { action: 'subject.update', entityType: 'subject', entityId: id, before: { ...result.before }, after: { ...result.after }, subjectId: id });
    return result.after;
  }

  async createUser(actor: Actor & { principal: Principal }, request: NewUserRequest): Promise<PublicUser> {
    requirePermission(actor.principal, 'admin.users');
    await this.checkTenancy(request);
    checkPasswordStrength(request.password);
    const record = await this.unique(
      async () =>
        this.deps.users.create({
          username: request.username.trim().toLowerCase(),
          displayName: request.displayName,
          passwordHash: await hashPassword(request.password),
          roles: request.roles,
          institutionId: request.institutionId,
          subjectId: request.subjectId,
        }),
      'username',
      `the username ${request.username} is taken`,
    );
    const user = this.publicUser(record);
    await this.deps.audit.append(actor, {
      action: 'user.create', entityType: 'user', entityId: user.id, after: { ...user, locked: undefined },
      institutionId: request.institutionId, subjectId: request.subjectId,
    });
    return user;
  }

  /**
   * Disables a user (every session ends: refresh tokens revoked; access tokens refused by this process
   * at once and by others within the principal cache time) or enables one again. Idempotent.
   */
  async setUserDisabled(actor: Actor & { principal: Principal }, userId: string, disabled: boolean): Promise<PublicUser> {
    requirePermission(actor.principal, 'admin.users');
    if (disabled && userId === actor.principal.userId) throw new AppError('USER_CANNOT_DISABLE_SELF', 'you cannot disable your own account; ask another administrator', { field: 'id' });
    const changed = await this.deps.users.setDisabled(userId, disabled);
    if (!changed) {
      const current = await this.deps.users.findById(userId);
      if (!current) throw notFound('user');
      return this.publicUser(current);
    }
    if (disabled) await this.deps.sessions.endSessions(userId);
    else this.deps.sessions.forgetPrincipal(userId);
    await this.deps.audit.append(actor, {
      action: disabled ? 'user.disable' : 'user.enable', entityType: 'user', entityId: userId,
      before: { disabled: !disabled }, after: { disabled }, institutionId: changed.institutionId, subjectId: changed.subjectId,
    });
    return this.publicUser(changed);
  }

  async listUsers(principal: Principal, page: PageRequest): Promise<Page<PublicUser>> {
    requirePermission(principal, 'admin.users');
    const result = await this.deps.users.list({ all: true }, page);
    return { items: result.items.map((u) => this.publicUser(u)), total: result.total };
  }

  publicUser(u: UserRecord): PublicUser {
    return {
      id: u.id,
      username: u.username,
      displayName: u.displayName,
      roles: u.roles,
      institutionId: u.institutionId ?? null,
      subjectId: u.subjectId ?? null,
      locked: Boolean(u.lockedUntil && u.lockedUntil > this.deps.now()),
      disabled: u.disabled,
      createdAt: u.createdAt,
    };
  }

  /** Institution roles need an institution of the matching type; subject roles a subject of the matching type. */
  private async checkTenancy(request: NewUserRequest): Promise<void> {
    const kinds = new Set(request.roles.map((r) => roleTenantKind[r]));
    if (kinds.size > 1) throw new AppError('VALIDATION_FAILED', 'a user is either an institution’s staff or acts for a subject, not both', { field: 'roles' });
    const kind = [...kinds][0];
    if (kind === 'institution') {
      if (request.subjectId) throw new AppError('VALIDATION_FAILED', 'institution roles take an institutionId, not a subjectId', { field: 'subjectId' });
      if (!request.institutionId) throw new AppError('VALIDATION_FAILED', 'institution roles need an institutionId', { field: 'institutionId' });
      const institution = await this.deps.institutions.findByIdUnscoped(request.institutionId);
      if (!institution) throw new AppError('VALIDATION_FAILED', 'no institution has this id', { field: 'institutionId' });
      for (const role of request.roles) {
        const needed = roleInstitutionType[role];
        if (needed && needed !== institution.type) {
          throw new AppError('VALIDATION_FAILED', `role ${role} belongs to a ${needed}, not a ${institution.type}`, { field: 'roles' });
        }
      }
    } else {
      if (request.institutionId) throw new AppError('VALIDATION_FAILED', 'subject roles take a subjectId, not an institutionId', { field: 'institutionId' });
      if (!request.subjectId) throw new AppError('VALIDATION_FAILED', 'subject roles need a subjectId', { field: 'subjectId' });
      const subject = await this.deps.subjects.findByIdUnscoped(request.subjectId);
      if (!subject) throw new AppError('VALIDATION_FAILED', 'no subject has this id', { field: 'subjectId' });
      for (const role of request.roles) {
        const needed = roleSubjectType[role];
        if (needed && needed !== subject.type) {
          throw new AppError('VALIDATION_FAILED', `role ${role} acts for a ${needed}, not a ${subject.type}`, { field: 'roles' });
        }
      }
    }
  }

  private async unique<T>(write: () => Promise<T>, field: string, message: string): Promise<T> {
    try {
      return await write();
    } catch (e) {
      if (isDuplicateKey(e)) throw new AppError('DUPLICATE', message, { field });
      throw e;
    }
  }
}

/** At least 10 characters with a letter and a digit (NIST 800-63B favours length over composition). */
export function checkPasswordStrength(password: string): void {
  if (password.length < 10 || !/[A-Za-z]/.test(password) || !/\d/.test(password)) {
    throw new AppError('VALIDATION_FAILED', 'a password needs at least 10 characters, with letters and digits', { field: 'password' });
  }
}
