import { assertFen } from './assert-fen.js';

export interface FormatYuanOptions {
  /** Thousands separator, ',' by default; '' for none. */
  grouping?: string;
  /** Text before the number, '' by default (e.g. '¥' or 'CNY '). */
  prefix?: string;
}

/** Fen as a yuan string with two decimals for reports: 123456789 → '1,234,567.89', −5 → '-0.05'. */
export function formatYuan(amountFen: number, options: FormatYuanOptions = {}): string {
  assertFen(amountFen);
  const { grouping = ',', prefix = '' } = options;
  const digits = Math.abs(amountFen).toString().padStart(3, '0');
  const yuan = digits.slice(0, -2).replace(/\B(?=(\d{3})+(?!\d))/g, grouping);
  return `${amountFen < 0 ? '-' : ''}${prefix}${yuan}.${digits.slice(-2)}`;
}
