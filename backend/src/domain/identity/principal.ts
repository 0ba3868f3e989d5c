import type { Permission } from './permissions.js';

/** The authenticated caller, as every domain service sees it. */
export interface Principal {
  userId: string;
  username: string;
  roles: string[];
  permissions: ReadonlySet<Permission>;
  institutionId?: string | undefined;
  subjectId?: string | undefined;
}

/** Request facts that travel with a state change into the audit trail. */
export interface Actor {
  principal?: Principal | undefined;
  requestId?: string | undefined;
  idempotencyKey?: string | undefined;
  /** Set once the request's change has been written to the audit trail. */
  audited?: boolean;
}

export const can = (principal: Principal, permission: Permission): boolean => principal.permissions.has(permission);
export const readsAllTenants = (principal: Principal): boolean => can(principal, 'tenants.all.read');
