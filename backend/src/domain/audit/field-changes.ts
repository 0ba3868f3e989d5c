import { normalise } from './canonical-json.js';

/** Fields never written to the audit trail. */
const secretFields = new Set(['passwordHash', 'password', 'tokenHash', 'refreshToken', 'accessToken']);
const bookkeepingFields = new Set(['updatedAt', 'createdAt', '__v', '_id']);

export interface FieldChanges {
  before: Record<string, unknown>;
  after: Record<string, unknown>;
}

/** The fields that differ between two versions of an entity (before absent = creation). */
export function fieldChanges(before: Record<string, unknown> | undefined, after: Record<string, unknown> | undefined): FieldChanges {
  const b = (normalise(before ?? {}) ?? {}) as Record<string, unknown>;
  const a = (normalise(after ?? {}) ?? {}) as Record<string, unknown>;
  const changes: FieldChanges = { before: {}, after: {} };
  for (const key of new Set([...Object.keys(b), ...Object.keys(a)])) {
    if (bookkeepingFields.has(key)) continue;
    if (JSON.stringify(b[key]) === JSON.stringify(a[key])) continue;
    const redact = secretFields.has(key);
    if (key in b) changes.before[key] = redact ? '[redacted]' : b[key];
    if (key in a) changes.after[key] = redact ? '[redacted]' : a[key];
  }
  return changes;
}
