/**
 * Deterministic JSON: object keys sorted, undefined dropped, Dates as ISO strings. The audit
 * chain hashes this form, so a record read back from any engine hashes the same.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(normalise(value));
}

export function normalise(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((v) => (v === undefined ? null : normalise(v)));
  if (value !== null && typeof value === 'object') {
    if (typeof (value as { toHexString?: unknown }).toHexString === 'function') return String(value);
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = normalise(v);
    }
    return out;
  }
  return value;
}
