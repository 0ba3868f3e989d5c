/** Integer fen as yuan with grouping and two decimals: 123456789 → '¥1,234,567.89' (exact: no float division). */
export function formatFen(fen: number | null | undefined): string {
  if (fen === null || fen === undefined) return '—';
  const sign = fen < 0 ? '-' : '';
  const digits = String(Math.abs(fen)).padStart(3, '0');
  const yuan = digits.slice(0, -2).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}¥${yuan}.${digits.slice(-2)}`;
}

/** Basis points as a percentage with two decimals: 380 → '3.80%'. */
export function formatBp(bp: number | null | undefined): string {
  if (bp === null || bp === undefined) return '—';
  const sign = bp < 0 ? '-' : '';
  const digits = String(Math.abs(Math.round(bp))).padStart(3, '0');
  return `${sign}${digits.slice(0, -2)}.${digits.slice(-2)}%`;
}

/** Yuan typed by a person ('200000', '1,234.5') as integer fen, or null when it is not an amount. */
export function yuanToFen(text: string | number | null | undefined): number | null {
  if (text === null || text === undefined) return null;
  const clean = String(text).replace(/[,\s¥]/g, '');
  const match = /^(\d+)(?:\.(\d{1,2}))?$/.exec(clean);
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/** Integer fen as yuan for an input field, two decimals, no grouping: 500000000 → '5000000.00' (exact). */
export function fenToYuan(fen: number | null | undefined): string {
  if (fen === null || fen === undefined) return '';
  const sign = fen < 0 ? '-' : '';
  const digits = String(Math.abs(fen)).padStart(3, '0');
  return `${sign}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

/** A percentage typed by a person ('3.8') as basis points (380), or null. */
export function percentToBp(text: string | number | null | undefined): number | null {
  if (text === null || text === undefined) return null;
  const match = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(String(text).trim());
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/** States a bank is still deciding in. */
export const OPEN_STATES = ['SUBMITTED', 'UNDER_REVIEW', 'INFO_REQUESTED', 'GREEN_ASSESSED', 'GUARANTEE_PENDING', 'GUARANTEE_CONFIRMED', 'PENDING_APPROVAL'];
