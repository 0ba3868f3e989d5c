import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';
import { GreenFinanceStatistics } from './statistics.models';

/** The tables the CSV export offers (GET /api/statistics/green-finance.csv?table=). */
export const STATISTICS_TABLES = ['loans', 'quarter', 'pledged', 'ltv', 'guarantees', 'grades', 'bonds', 'benefits', 'trades'] as const;
export type StatisticsTable = (typeof STATISTICS_TABLES)[number];

/** The green-finance statistics API (JSON, CSV, PDF). */
@Injectable({ providedIn: 'root' })
export class StatisticsApi {
  private readonly http = inject(HttpClient);

  get(quarter?: string): Observable<GreenFinanceStatistics> {
    return this.http.get<GreenFinanceStatistics>('/api/statistics/green-finance', { params: quarter ? { quarter } : {} });
  }

  /** CSV of one table (`loans`, the default, has every loan dimension) or the PDF of the whole dashboard. */
  export(format: 'csv' | 'pdf', quarter?: string, table: StatisticsTable = 'loans'): Observable<Blob> {
    const params: Record<string, string> = { ...(quarter ? { quarter } : {}), ...(format === 'csv' && table !== 'loans' ? { table } : {}) };
    return this.http.get(`/api/statistics/green-finance.${format}`, { params, responseType: 'blob' });
  }
}
