import { HttpParams } from '@angular/common/http';

/** A page of a list endpoint: `{items, total}` for `?limit&offset`. */
export interface Page<T> {
  items: T[];
  total: number;
}

export function pageParams(limit: number, offset: number): HttpParams {
  return new HttpParams().set('limit', limit).set('offset', offset);
}

/** Page sizes offered by every table. */
export const PAGE_SIZES = [10, 20, 50];
