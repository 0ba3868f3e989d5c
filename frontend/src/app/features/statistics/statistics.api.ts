import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';
import { GreenFinanceStatistics } from './statistics.models';

/** The green-finance statistics API (JSON, CSV, PDF). */
@Injectable({ providedIn: 'root' })
export class StatisticsApi {
  private readonly http = inject(HttpClient);

  get(quarter?: string): Observable<GreenFinanceStatistics> {
    return this.http.get<GreenFinanceStatistics>('/api/statistics/green-finance', { params: quarter ? { quarter } : {} });
  }

  export(format: 'csv' | 'pdf', quarter?: string): Observable<Blob> {
    return this.http.get(`/api/statistics/green-finance.${format}`, { params: quarter ? { quarter } : {}, responseType: 'blob' });
  }
}
