import { sumFen } from '../money/sum-fen.js';

/**
 * Statistics helper: rows grouped by a key with their count and the sum of each named fen field,
 * in key order. Used for the regulator's green-loan tables (by category, industry, region, bank, size).
 */
export function groupSum<T>(rows: readonly T[], keyOf: (row: T) => string, fields: Record<string, (row: T) => number>): { key: string; count: number; sums: Record<string, number> }[] {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const list = groups.get(key);
    if (list) list.push(row);
    else groups.set(key, [row]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, list]) => ({
      key,
      count: list.length,
      sums: Object.fromEntries(Object.entries(fields).map(([name, get]) => [name, sumFen(list.map(get))])),
    }));
}
