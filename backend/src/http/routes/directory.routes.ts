import type { NewInstitution } from '../../db/institutions/institution.repository.js';
import type { InstitutionType } from '../../db/institutions/institution.schema.js';
import type { PageRequest } from '../../db/page.js';
import type { NewSubject } from '../../db/subjects/subject.repository.js';
import type { SubjectType } from '../../db/subjects/subject.schema.js';
import type { NewUserRequest } from '../../domain/identity/directory-service.js';
import type { AuthenticatedInput, RouteSpec } from '../route.js';

type Id = { id: string };

export const directoryRoutes: RouteSpec[] = [
  {
    id: 'institutions.list', method: 'GET', path: '/api/institutions', tag: 'directory', access: 'authenticated',
    summary: 'List institutions (platform readers: all; institution staff: their own)',
    query: 'api/institutions/list.query',
    handler: (i: AuthenticatedInput<unknown, PageRequest & { type?: InstitutionType }>, p) =>
      p.services.directory.listInstitutions(i.principal, i.query, i.query.type),
  },
  {
    id: 'institutions.get', method: 'GET', path: '/api/institutions/:id', tag: 'directory', access: 'authenticated',
    summary: 'One institution (404 when it is not visible to the caller)', params: 'api/common/id.params',
    handler: (i: AuthenticatedInput<unknown, unknown, Id>, p) => p.services.directory.getInstitution(i.principal, i.params.id),
  },
  {
    id: 'institutions.create', method: 'POST', path: '/api/institutions', tag: 'directory', access: { permission: 'admin.institutions' },
    summary: 'Register an institution', body: 'api/institutions/institution.body', successStatus: 201,
    handler: (i: AuthenticatedInput<NewInstitution>, p) => p.services.directory.createInstitution(i.actor, i.body),
  },
  {
    id: 'institutions.update', method: 'PATCH', path: '/api/institutions/:id', tag: 'directory', access: { permission: 'admin.institutions' },
    summary: 'Change an institution', params: 'api/common/id.params', body: 'api/institutions/institution-update.body',
    handler: (i: AuthenticatedInput<Partial<NewInstitution>, unknown, Id>, p) => p.services.directory.updateInstitution(i.actor, i.params.id, i.body),
  },
  {
    id: 'subjects.list', method: 'GET', path: '/api/subjects', tag: 'directory', access: 'authenticated',
    summary: 'List subjects (platform readers: all; a subject’s users: their own)', query: 'api/subjects/list.query',
    handler: (i: AuthenticatedInput<unknown, PageRequest & { type?: SubjectType }>, p) =>
      p.services.directory.listSubjects(i.principal, i.query, i.query.type),
  },
  {
    id: 'subjects.get', method: 'GET', path: '/api/subjects/:id', tag: 'directory', access: 'authenticated',
    summary: 'One subject (404 when it is not visible to the caller)', params: 'api/common/id.params',
    handler: (i: AuthenticatedInput<unknown, unknown, Id>, p) => p.services.directory.getSubject(i.principal, i.params.id),
  },
  {
    id: 'subjects.create', method: 'POST', path: '/api/subjects', tag: 'directory', access: { permission: 'admin.users' },
    summary: 'Register a subject', body: 'api/subjects/subject.body', successStatus: 201,
    handler: (i: AuthenticatedInput<NewSubject>, p) => p.services.directory.createSubject(i.actor, i.body),
  },
  {
    id: 'subjects.update', method: 'PATCH', path: '/api/subjects/:id', tag: 'directory', access: 'authenticated',
    summary: 'Change a subject’s profile (admins, or the subject’s own users)', params: 'api/common/id.params', body: 'api/subjects/subject-update.body',
    handler: (i: AuthenticatedInput<Partial<NewSubject>, unknown, Id>, p) => p.services.directory.updateSubject(i.actor, i.params.id, i.body),
  },
  {
    id: 'users.list', method: 'GET', path: '/api/users', tag: 'directory', access: { permission: 'admin.users' },
    summary: 'List users', query: 'api/common/page.query',
    handler: (i: AuthenticatedInput<unknown, PageRequest>, p) => p.services.directory.listUsers(i.principal, i.query),
  },
  {
    id: 'users.create', method: 'POST', path: '/api/users', tag: 'directory', access: { permission: 'admin.users' },
    summary: 'Create a user with roles in an institution or for a subject', body: 'api/users/user.body', successStatus: 201,
    handler: (i: AuthenticatedInput<NewUserRequest>, p) => p.services.directory.createUser(i.actor, i.body),
  },
  {
    id: 'users.disable', method: 'POST', path: '/api/users/:id/disable', tag: 'directory', access: { permission: 'admin.users' },
    summary: 'Disable a user: every session ends (refresh tokens revoked, access tokens refused within AUTH_PRINCIPAL_CACHE_SECONDS); idempotent',
    params: 'api/common/id.params',
    handler: (i: AuthenticatedInput<unknown, unknown, { id: string }>, p) => p.services.directory.setUserDisabled(i.actor, i.params.id, true),
  },
  {
    id: 'users.enable', method: 'POST', path: '/api/users/:id/enable', tag: 'directory', access: { permission: 'admin.users' },
    summary: 'Enable a disabled user again (they sign in anew); idempotent', params: 'api/common/id.params',
    handler: (i: AuthenticatedInput<unknown, unknown, { id: string }>, p) => p.services.directory.setUserDisabled(i.actor, i.params.id, false),
  },
];
