/** Integer fen as yuan with grouping and two decimals: 123456789 → '¥1,234,567.89' (exact: no float division). */
export function formatFen(fen: number | null | undefined): string {
  if (fen === null || fen === undefined) return '—';
  const sign = fen < 0 ? '-' : '';
  const digits = String(Math.abs(fen)).padStart(3, '0');
  const yuan = digits.slice(0, -2).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}¥${yuan}.${digits.slice(-2)}`;
}

/** A decimal rate as a percentage: 0.6 → '60%', 0.5667 → '56.67%'. */
export function formatRate(rate: number | null | undefined): string {
  if (rate === null || rate === undefined) return '—';
  return `${Math.round(rate * 10_000) / 100}%`;
}
