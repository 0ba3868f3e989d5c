import { HttpClient, HttpHeaders } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';

export interface Price {
  reference: string;
  date: string;
  priceFen: number;
  unit: string;
  source: string;
}

export interface RowError {
  row: number;
  field: string;
  message: string;
}

@Injectable({ providedIn: 'root' })
export class PricesApi {
  private readonly http = inject(HttpClient);

  references(): Observable<{ items: { reference: string; latest: Price }[] }> {
    return this.http.get<{ items: { reference: string; latest: Price }[] }>('/api/prices/references');
  }

  series(reference: string): Observable<{ reference: string; items: Price[] }> {
    return this.http.get<{ reference: string; items: Price[] }>('/api/prices', { params: { reference } });
  }

  /** CSV: reference,date,price_yuan,unit,source — whole or not at all (400 lists every bad row). */
  importCsv(file: File): Observable<{ imported: number; unchanged: number }> {
    const headers = new HttpHeaders({ 'Content-Type': 'text/csv', 'X-Filename': encodeURIComponent(file.name) });
    return this.http.post<{ imported: number; unchanged: number }>('/api/prices/import', file, { headers });
  }
}
