import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';
import { Agreement, CatalogueEntry, GepRun, MonitoringAlert, PublicGepRun, Settlement } from './ecology.models';

/** Catalogue and monitoring, GEP runs (and their public pages), basin compensation. */
@Injectable({ providedIn: 'root' })
export class EcologyApi {
  private readonly http = inject(HttpClient);

  publicRuns(): Observable<{ items: PublicGepRun[] }> {
    return this.http.get<{ items: PublicGepRun[] }>('/api/public/gep-runs');
  }

  runs(): Observable<{ items: GepRun[] }> {
    return this.http.get<{ items: GepRun[] }>('/api/gep-runs');
  }

  review(id: string): Observable<GepRun> {
    return this.http.post<GepRun>(`/api/gep-runs/${id}/review`, {});
  }

  publish(id: string): Observable<GepRun> {
    return this.http.post<GepRun>(`/api/gep-runs/${id}/publish`, {});
  }

  catalogue(): Observable<{ items: CatalogueEntry[] }> {
    return this.http.get<{ items: CatalogueEntry[] }>('/api/eco-catalogue');
  }

  alerts(): Observable<{ items: MonitoringAlert[] }> {
    return this.http.get<{ items: MonitoringAlert[] }>('/api/eco-monitoring-alerts');
  }

  agreements(): Observable<{ items: Agreement[] }> {
    return this.http.get<{ items: Agreement[] }>('/api/compensation/agreements');
  }

  agreement(id: string): Observable<Agreement> {
    return this.http.get<Agreement>(`/api/compensation/agreements/${id}`);
  }

  confirm(id: string): Observable<Settlement> {
    return this.http.post<Settlement>(`/api/compensation/settlements/${id}/confirm`, {});
  }

  object(id: string, reason: string): Observable<Settlement> {
    return this.http.post<Settlement>(`/api/compensation/settlements/${id}/object`, { reason });
  }
}
