import { objectId } from './plain.js';

/** Whose records a query may touch: every tenant's (platform readers) or only one record id's own. */
export interface OwnRecordScope {
  all: boolean;
  /** The id of the caller's own record (their institution or subject), when they have one. */
  ownId?: string | undefined;
}

/**
 * The filter for a collection whose documents ARE the tenants (institutions, subjects): platform
 * readers get `extra` as is; anyone else only their own document, or nothing (undefined).
 */
export function ownRecordFilter(scope: OwnRecordScope, extra: Record<string, unknown> = {}): Record<string, unknown> | undefined {
  if (scope.all) return extra;
  if (!scope.ownId) return undefined;
  if (extra['_id'] !== undefined && String(extra['_id']) !== scope.ownId) return undefined;
  return { ...extra, _id: objectId(scope.ownId) };
}
