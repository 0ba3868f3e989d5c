// Turns CSV rows (reference,date,price_yuan,unit,source) into price observations, collecting every
// row's first error instead of stopping at the first bad row.
import { MoneyError, parseYuan } from '@eco/scoring';
import type { PriceObservation } from '../../db/prices/price.repository.js';

export const priceCsvColumns = ['reference', 'date', 'price_yuan', 'unit', 'source'] as const;
export const referencePattern = /^(water_lease|carbon|emission|timber|land_rent):[^:\s][^\n]{0,98}$/;

export interface RowError {
  /** Line in the file (the header is line 1). */
  row: number;
  field: string;
  message: string;
}

export function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

function rowError(cells: readonly string[]): { field: string; message: string } | undefined {
  const [reference, date, price, unit, source] = cells.map((c) => c.trim());
  if (cells.length !== priceCsvColumns.length) return { field: 'row', message: `expected ${priceCsvColumns.length} columns, found ${cells.length}` };
  if (!referencePattern.test(reference!)) return { field: 'reference', message: 'use water_lease:<basin>, carbon:<kind>, emission:<pollutant>:<region>, timber:<species> or land_rent:<prefecture>' };
  if (!isCalendarDate(date!)) return { field: 'date', message: `"${date}" is not a date (YYYY-MM-DD)` };
  try {
    if (parseYuan(price!) < 0) return { field: 'price_yuan', message: 'a price cannot be negative' };
  } catch (e) {
    if (e instanceof MoneyError) return { field: 'price_yuan', message: e.message };
    throw e;
  }
  if (!unit || unit.length > 40) return { field: 'unit', message: 'give the unit (at most 40 characters), e.g. yuan/m3' };
  if (!source || source.length > 200) return { field: 'source', message: 'name the source (at most 200 characters)' };
  return undefined;
}

export function readPriceRows(rows: readonly string[][]): { observations: (PriceObservation & { row: number })[]; errors: RowError[] } {
  const header = (rows[0] ?? []).map((h) => h.trim().toLowerCase());
  if (header.join(',') !== priceCsvColumns.join(',')) {
    return { observations: [], errors: [{ row: 1, field: 'header', message: `the first line must be ${priceCsvColumns.join(',')}` }] };
  }
  const observations: (PriceObservation & { row: number })[] = [];
  const errors: RowError[] = [];
  rows.slice(1).forEach((cells, index) => {
    const row = index + 2;
    const error = rowError(cells);
    if (error) return void errors.push({ row, ...error });
    const [reference, date, price, unit, source] = cells.map((c) => c.trim()) as [string, string, string, string, string];
    observations.push({ row, reference, date, priceFen: parseYuan(price), unit, source });
  });
  if (observations.length === 0 && errors.length === 0) errors.push({ row: 2, field: 'row', message: 'the file has no price rows' });
  return { observations, errors };
}
