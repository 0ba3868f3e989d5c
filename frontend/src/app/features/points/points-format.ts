/** Centipoints → points with two decimals, e.g. 660 → "6.60", -60 → "-0.60". */
export function formatPoints(centipoints: number | null | undefined): string {
  if (centipoints === null || centipoints === undefined) return '—';
  const sign = centipoints < 0 ? '-' : '';
  const abs = Math.abs(centipoints);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** Signed, for ledger changes: +1.20 / -3.00. */
export function formatDelta(centipoints: number): string {
  return centipoints > 0 ? `+${formatPoints(centipoints)}` : formatPoints(centipoints);
}

/** Basis points of coverage → whole percent. */
export function coveragePercent(shareBp: number): number {
  return Math.floor(shareBp / 100);
}
